package io.jmultipath.selector;

import java.util.List;

/** Small helpers for the hand-worked scenarios. */
final class ScenarioSupport {

    private ScenarioSupport() {
    }

    static PathSelector selector(String tableForm, long[] clock, String... pathsWithArgs) {
        PathSelector ps = PathSelectors.create(SelectorSpec.parse(tableForm), () -> clock[0]);
        for (String p : pathsWithArgs) {
            String[] w = p.split(" ");
            ps.addPath(w[0], List.of(w).subList(1, w.length));
        }
        return ps;
    }

    static PathSelector selector(String tableForm, String... pathsWithArgs) {
        return selector(tableForm, new long[1], pathsWithArgs);
    }

    /** select + start_io, as dm-mpath does for each mapped I/O; returns the chosen path. */
    static String dispatch(PathSelector ps, long bytes) {
        String p = ps.selectPath(bytes).orElseThrow();
        ps.startIo(p, bytes);
        return p;
    }

    /** Select only (no accounting), n times. */
    static String selectMany(PathSelector ps, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(ps.selectPath(4096).orElse("-"));
        }
        return sb.toString();
    }

    static List<String> order(PathSelector ps) {
        return ((AbstractPathSelector<?>) ps).validOrder();
    }
}
