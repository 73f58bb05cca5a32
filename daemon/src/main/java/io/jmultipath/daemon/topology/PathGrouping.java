package io.jmultipath.daemon.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Path grouping policies as multipath-tools' pgpolicies.c: every policy but failover/multibus is
 * {@code group_by_match} (each unassigned path opens a group and pulls every later path with the
 * same key, keeping order); then groups are sorted by a stable insertion sort on
 * (non-marginal first, higher priority, more enabled paths).
 */
public final class PathGrouping {

    private PathGrouping() {
    }

    public static List<PathGroup> group(List<Path> paths, PgPolicy policy) {
        List<Path> normal = paths.stream().filter(p -> !p.marginal()).toList();
        List<Path> marginal = paths.stream().filter(Path::marginal).toList();
        List<PathGroup> groups = new ArrayList<>();
        if (!normal.isEmpty() && !marginal.isEmpty()) {
            groups.addAll(groupSet(normal, policy));
            groups.addAll(groupSet(marginal, policy));
        } else {
            groups.addAll(groupSet(paths, policy));
        }
        return sort(groups);
    }

    private static List<PathGroup> groupSet(List<Path> paths, PgPolicy policy) {
        switch (policy) {
            case MULTIBUS:
                return paths.isEmpty() ? List.of() : List.of(PathGroup.of(paths));
            case FAILOVER:
                return paths.stream().map(p -> PathGroup.of(List.of(p))).toList();
            case GROUP_BY_SERIAL:
                return byMatch(paths, p -> p.info().serial().orElse(""));
            case GROUP_BY_PRIO:
                return byMatch(paths, Path::priority);
            case GROUP_BY_NODE_NAME:
                return byMatch(paths, p -> p.info().transport().targetNodeName().orElse(""));
            case GROUP_BY_TPG:
                return byMatch(paths, p -> p.info().alua().tpgId().orElse(-1));
            default:
                throw new IllegalArgumentException("policy " + policy);
        }
    }

    static List<PathGroup> byMatch(List<Path> paths, Function<Path, Object> key) {
        boolean[] used = new boolean[paths.size()];
        List<PathGroup> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            if (used[i]) {
                continue;
            }
            List<Path> g = new ArrayList<>();
            Object k = key.apply(paths.get(i));
            for (int j = i; j < paths.size(); j++) {
                if (!used[j] && Objects.equals(k, key.apply(paths.get(j)))) {
                    used[j] = true;
                    g.add(paths.get(j));
                }
            }
            out.add(PathGroup.of(g));
        }
        return out;
    }

    /** Stable insertion sort: non-marginal first, then higher priority, then more enabled paths. */
    public static List<PathGroup> sort(List<PathGroup> in) {
        List<PathGroup> out = new ArrayList<>();
        for (PathGroup pg : in) {
            int pos = out.size();
            while (pos > 0 && before(pg, out.get(pos - 1))) {
                pos--;
            }
            out.add(pos, pg);
        }
        return out;
    }

    private static boolean before(PathGroup a, PathGroup b) {
        if (a.marginal() != b.marginal()) {
            return !a.marginal();
        }
        if (a.priority() != b.priority()) {
            return a.priority() > b.priority();
        }
        return a.enabledPaths() > b.enabledPaths();
    }

    /**
     * Best path group (1-based) as select_path_group: among groups with enabled paths, the first
     * non-marginal one, then any with a higher priority or, at equal priority, more enabled paths;
     * marginal groups compete only until a non-marginal one is seen. 1 when nothing qualifies, 0
     * without groups.
     */
    public static int bestPg(List<PathGroup> groups) {
        if (groups.isEmpty()) {
            return 0;
        }
        boolean normal = false;
        int maxPriority = 0;
        int maxEnabled = 1;
        int best = 1;
        for (int i = 0; i < groups.size(); i++) {
            PathGroup g = groups.get(i);
            if (g.paths().isEmpty() || (g.marginal() && normal)) {
                continue;
            }
            int enabled = g.enabledPaths();
            if (enabled == 0) {
                continue;
            }
            if (!g.marginal() && !normal) {
                normal = true;
                maxPriority = g.priority();
                maxEnabled = enabled;
                best = i + 1;
            } else if (g.priority() > maxPriority) {
                maxPriority = g.priority();
                maxEnabled = enabled;
                best = i + 1;
            } else if (g.priority() == maxPriority && enabled > maxEnabled) {
                maxEnabled = enabled;
                best = i + 1;
            }
        }
        return best;
    }
}
