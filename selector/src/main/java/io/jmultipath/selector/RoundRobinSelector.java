package io.jmultipath.selector;

import java.util.List;
import java.util.Optional;

/**
 * dm-ps-round-robin.c (v1.2.0). Per-path arg: [repeat_count] (0 or 1 arg; values > 1 are
 * replaced by 1 since the kernel dropped repeat_count support). select_path takes the head of
 * the valid list and moves it to the tail; fail moves to the head of the invalid list;
 * reinstate moves to the HEAD of the valid list (list_move, unlike the other selectors).
 * No start_io/end_io; status info has no per-path args, table prints repeat_count.
 */
final class RoundRobinSelector extends AbstractPathSelector<AbstractPathSelector.PathInfo> {

    @Override
    public String name() {
        return "round-robin";
    }

    @Override
    PathInfo newPath(String pathId, List<String> pathArgs) {
        return new PathInfo(pathId, repeatCount(pathArgs, 1));
    }

    @Override
    boolean reinstateAtHead() {
        return true;
    }

    @Override
    public Optional<String> selectPath(long nrBytes) {
        return valid.isEmpty() ? Optional.empty() : chose(valid.get(0));
    }

    @Override
    public void startIo(String pathId, long nrBytes) {
        path(pathId);
    }

    @Override
    public void endIo(String pathId, long nrBytes, long startNanos, long nowNanos) {
        path(pathId);
    }

    @Override
    public String pathStatusArgs(String pathId) {
        path(pathId);
        return "";
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
        return 0;
    }
}
