package io.jmultipath.selector;

import java.util.List;

/** The per-path table args multipath-tools writes for each path of a priority group. */
public final class SelectorArgs {

    private SelectorArgs() {
    }

    /**
     * One per-path arg, the repeat count: {@code minio} (rr_min_io_rq), multiplied by the path's
     * priority when {@code rr_weight priorities} and prio > 0.
     */
    public static List<String> pathArgs(String selectorName, int minio, int prio, boolean rrWeightPriorities) {
        long v = minio;
        if (rrWeightPriorities && prio > 0) {
            v = (long) minio * prio;
        }
        return List.of(Long.toString(v));
    }
}
