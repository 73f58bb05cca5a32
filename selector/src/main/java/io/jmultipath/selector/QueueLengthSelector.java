package io.jmultipath.selector;

import java.util.List;
import java.util.Optional;

/**
 * dm-ps-queue-length.c (v0.2.0): choose the valid path with the fewest in-flight I/Os
 * ({@code atomic_t qlen}); strict {@code <} keeps the earlier path on ties, and the scan stops
 * at the first path whose count is 0. The chosen path moves to the tail. Per-path arg:
 * [repeat_count] (values > 1 replaced by 1). Status info: qlen; table: repeat_count.
 */
final class QueueLengthSelector extends AbstractPathSelector<QueueLengthSelector.QlPath> {

    static final class QlPath extends AbstractPathSelector.PathInfo {
        int qlen; // atomic_t

        QlPath(String id, long repeatCount) {
            super(id, repeatCount);
        }
    }

    @Override
    public String name() {
        return "queue-length";
    }

    @Override
    QlPath newPath(String pathId, List<String> pathArgs) {
        return new QlPath(pathId, repeatCount(pathArgs, 1));
    }

    @Override
    public Optional<String> selectPath(long nrBytes) {
        QlPath best = null;
        for (int i = 0, n = valid.size(); i < n; i++) {
            QlPath pi = valid.get(i);
            if (best == null || pi.qlen < best.qlen) {
                best = pi;
            }
            if (best.qlen == 0) {
                break;
            }
        }
        return chose(best);
    }

    @Override
    public void startIo(String pathId, long nrBytes) {
        path(pathId).qlen++;
    }

    @Override
    public void endIo(String pathId, long nrBytes, long startNanos, long nowNanos) {
        path(pathId).qlen--;
    }

    @Override
    public String pathStatusArgs(String pathId) {
        return Integer.toString(path(pathId).qlen);
    }

    @Override
    public String pathTableArgs(String pathId) {
        return Long.toString(path(pathId).repeatCount);
    }

    @Override
    public int tableArgCount() {
        return 1;
    }

    @Override
    public int statusArgCount() {
        return 1;
    }
}
