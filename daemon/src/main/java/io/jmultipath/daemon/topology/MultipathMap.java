package io.jmultipath.daemon.topology;

import java.util.List;
import java.util.Optional;

/**
 * A multipath map: identity, table attributes, groups, kernel state.
 *
 * @param name        alias (map name); equals wwid when no alias
 * @param wwid        WWID (dm uuid is "mpath-" + wwid)
 * @param dm          kernel device info; empty before creation (prints "undef")
 * @param sizeSectors size in 512-byte sectors
 * @param features    features string with count ("1 queue_if_no_path")
 * @param hwHandler   hardware handler with count ("1 alua", "0")
 * @param selector    path selector table form ("service-time 0")
 * @param groups      path groups in table order
 * @param nextPg      initial / next path group (1-based; 0 without groups)
 * @param action      what was just done (topology prefix)
 * @param policy      failback / no_path_retry state
 * @param stats       counters
 */
public record MultipathMap(String name, String wwid, Optional<DmMapInfo> dm, long sizeSectors, String features,
                           String hwHandler, String selector, List<PathGroup> groups, int nextPg,
                           MapAction action, MapPolicy policy, MapStats stats) {

    public MultipathMap {
        groups = List.copyOf(groups);
    }

    public String uuid() {
        return "mpath-" + wwid;
    }

    public List<Path> paths() {
        return groups.stream().flatMap(g -> g.paths().stream()).toList();
    }

    /** Paths in state UP or GHOST (multipath-tools count_active_paths). */
    public int activePaths() {
        return (int) paths().stream().filter(Path::enabled).count();
    }

    public MultipathMap withAction(MapAction a) {
        return new MultipathMap(name, wwid, dm, sizeSectors, features, hwHandler, selector, groups, nextPg, a,
                policy, stats);
    }

    public MultipathMap withDm(Optional<DmMapInfo> info) {
        return new MultipathMap(name, wwid, info, sizeSectors, features, hwHandler, selector, groups, nextPg, action,
                policy, stats);
    }

    public MultipathMap withGroups(List<PathGroup> g, int next) {
        return new MultipathMap(name, wwid, dm, sizeSectors, features, hwHandler, selector, g, next, action,
                policy, stats);
    }

    /** The same map with another features string ("1 queue_if_no_path"). */
    public MultipathMap withFeatures(String newFeatures) {
        return new MultipathMap(name, wwid, dm, sizeSectors, newFeatures, hwHandler, selector, groups, nextPg, action,
                policy, stats);
    }

    /** The same map with another size (sectors). */
    public MultipathMap withSize(long sectors) {
        return new MultipathMap(name, wwid, dm, sectors, features, hwHandler, selector, groups, nextPg, action,
                policy, stats);
    }

    public MultipathMap withName(String newName) {
        return new MultipathMap(newName, wwid, dm, sizeSectors, features, hwHandler, selector, groups, nextPg, action,
                policy, stats);
    }
}
