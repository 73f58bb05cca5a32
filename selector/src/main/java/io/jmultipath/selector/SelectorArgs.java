package io.jmultipath.selector;

import java.util.List;

/** The per-path table args multipath-tools writes for each path of a priority group, and back. */
public final class SelectorArgs {

    private SelectorArgs() {
    }

    /**
     * assemble_map(): one per-path arg, the repeat count: {@code minio} (rr_min_io_rq, or
     * rr_min_io for bio-based maps), multiplied by the path's priority when
     * {@code rr_weight priorities} and prio > 0, for every selector (C int arithmetic).
     */
    public static List<String> pathArgs(String selectorName, int minio, int prio, boolean rrWeightPriorities) {
        int v = minio;
        if (rrWeightPriorities && prio > 0) {
            v = minio * prio;
        }
        return List.of(Integer.toString(v));
    }

    /**
     * disassemble_map(): the minio multipath-tools reads back from a path's first table arg:
     * {@code atoi(arg)}, divided by prio only when the selector name starts with
     * "round-robin" and {@code rr_weight priorities} and prio > 0 (note the asymmetry with
     * {@link #pathArgs}, which multiplies for every selector).
     */
    public static int minioFromPathArg(String selectorName, String firstPathArg, int prio, boolean rrWeightPriorities) {
        int v = atoi(firstPathArg);
        if (selectorName.startsWith("round-robin") && rrWeightPriorities && prio > 0) {
            v /= prio;
        }
        return v;
    }

    /** C atoi: optional white space and sign, then as many digits as there are; else 0. */
    static int atoi(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        boolean overflow = false;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            int d = s.charAt(i++) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
            } else {
                v = v * 10 + d;
            }
        }
        long r = neg ? -v : v;
        if (overflow) {
            r = neg ? Long.MIN_VALUE : Long.MAX_VALUE; // strtol saturates (glibc atoi = (int) strtol)
        }
        return (int) r;
    }
}
