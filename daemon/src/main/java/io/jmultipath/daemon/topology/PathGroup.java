package io.jmultipath.daemon.topology;

import java.util.List;

/**
 * A priority group of a map.
 *
 * @param priority integer average of the defined priorities of enabled paths; -1 if enabled paths
 *                 exist but none has a defined priority; 0 without enabled paths
 * @param status   kernel state of the group
 * @param marginal all paths marginal
 * @param paths    member paths, in table order
 */
public record PathGroup(int priority, PgState status, boolean marginal, List<Path> paths) {

    public PathGroup {
        paths = List.copyOf(paths);
    }

    /** A group with the priority computed from its paths, as multipath-tools' path_group_prio_update. */
    public static PathGroup of(List<Path> paths) {
        return new PathGroup(priorityOf(paths), PgState.UNDEF, !paths.isEmpty() && paths.stream().allMatch(Path::marginal),
                paths);
    }

    public static int priorityOf(List<Path> paths) {
        long sum = 0;
        int defined = 0;
        int enabled = 0;
        for (Path p : paths) {
            if (p.enabled()) {
                if (p.priority() != -1) {
                    sum += p.priority();
                    defined++;
                }
                enabled++;
            }
        }
        if (defined > 0) {
            return (int) (sum / defined);
        }
        return enabled > 0 ? -1 : 0;
    }

    public int enabledPaths() {
        return (int) paths.stream().filter(Path::enabled).count();
    }

    public PathGroup withStatus(PgState s) {
        return new PathGroup(priority, s, marginal, paths);
    }

    public PathGroup withPaths(List<Path> newPaths) {
        return new PathGroup(priority, status, marginal, newPaths);
    }
}
