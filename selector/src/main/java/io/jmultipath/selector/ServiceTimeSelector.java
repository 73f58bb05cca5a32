package io.jmultipath.selector;

import java.util.List;
import java.util.Optional;

/**
 * dm-ps-service-time.c (v0.3.0): choose the valid path with the smallest estimated service
 * time (in-flight bytes + incoming) / relative_throughput, using the kernel's
 * {@code st_compare_load} bit for bit (32-bit {@code atomic_t} in-flight size, size_t
 * arithmetic, the shift-by-7 overflow guard and the narrowing of the size_t difference to the
 * int return value). Strict {@code < 0} keeps the earlier path on ties; the chosen path moves to
 * the tail. Per-path args: [repeat_count [relative_throughput 0..100]].
 */
final class ServiceTimeSelector extends AbstractPathSelector<ServiceTimeSelector.StPath> {

    static final int MAX_RELATIVE_THROUGHPUT = 100;
    static final int MAX_RELATIVE_THROUGHPUT_SHIFT = 7;
    /** ST_MAX_INFLIGHT_SIZE = (size_t)-1 >> 7. */
    static final long MAX_INFLIGHT_SIZE = -1L >>> MAX_RELATIVE_THROUGHPUT_SHIFT;

    static final class StPath extends AbstractPathSelector.PathInfo {
        final int relativeThroughput; // unsigned, 0..100
        int inFlightSize;             // atomic_t: wraps at 2^31 like the kernel

        StPath(String id, long repeatCount, int relativeThroughput) {
            super(id, repeatCount);
            this.relativeThroughput = relativeThroughput;
        }
    }

    @Override
    public String name() {
        return "service-time";
    }

    @Override
    StPath newPath(String pathId, List<String> pathArgs) {
        long rc = repeatCount(pathArgs, 2);
        long rt = 1;
        if (pathArgs.size() == 2) {
            rt = KernelArgs.parseUnsigned(pathArgs.get(1)).orElse(-1);
            if (rt < 0 || rt > MAX_RELATIVE_THROUGHPUT) {
                throw new IllegalArgumentException("service-time ps: invalid relative_throughput value");
            }
        }
        return new StPath(pathId, rc, (int) rt);
    }

    /**
     * st_compare_load: &lt; 0 if pi1 is better, 0 if no difference, &gt; 0 if pi2 is better.
     * {@code incoming} is a size_t (treated as unsigned 64-bit).
     */
    static int compareLoad(int inFlight1, int rt1, int inFlight2, int rt2, long incoming) {
        long sz1 = inFlight1; // int -> size_t: sign-extension, same bits as the kernel
        long sz2 = inFlight2;
        // Case 1: same throughput -> less loaded path (size_t difference narrowed to int)
        if (rt1 == rt2) {
            return (int) (sz1 - sz2);
        }
        // Case 2a: same load -> higher throughput; 2b: one has no throughput -> the other
        if (sz1 == sz2 || rt1 == 0 || rt2 == 0) {
            return rt2 - rt1;
        }
        // Case 3: compare (sz1 + incoming) * rt2 with (sz2 + incoming) * rt1
        sz1 += incoming;
        sz2 += incoming;
        if (Long.compareUnsigned(sz1, MAX_INFLIGHT_SIZE) >= 0 || Long.compareUnsigned(sz2, MAX_INFLIGHT_SIZE) >= 0) {
            sz1 >>>= MAX_RELATIVE_THROUGHPUT_SHIFT;
            sz2 >>>= MAX_RELATIVE_THROUGHPUT_SHIFT;
        }
        long st1 = sz1 * rt2;
        long st2 = sz2 * rt1;
        if (st1 != st2) {
            return (int) (st1 - st2);
        }
        // Case 4: same service time -> higher throughput
        return rt2 - rt1;
    }

    @Override
    public Optional<String> selectPath(long nrBytes) {
        StPath best = null;
        for (int i = 0, n = valid.size(); i < n; i++) {
            StPath pi = valid.get(i);
            if (best == null || compareLoad(pi.inFlightSize, pi.relativeThroughput,
                    best.inFlightSize, best.relativeThroughput, nrBytes) < 0) {
                best = pi;
            }
        }
        return chose(best);
    }

    @Override
    public void startIo(String pathId, long nrBytes) {
        path(pathId).inFlightSize += (int) nrBytes; // atomic_add(int)
    }

    @Override
    public void endIo(String pathId, long nrBytes, long startNanos, long nowNanos) {
        path(pathId).inFlightSize -= (int) nrBytes;
    }

    @Override
    public String pathStatusArgs(String pathId) {
        StPath p = path(pathId);
        return p.inFlightSize + " " + p.relativeThroughput;
    }

    @Override
    public String pathTableArgs(String pathId) {
        StPath p = path(pathId);
        return p.repeatCount + " " + p.relativeThroughput;
    }

    @Override
    public int tableArgCount() {
        return 2;
    }

    @Override
    public int statusArgCount() {
        return 2;
    }
}
