package io.jmultipath.daemon.maps;

import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.dmctl.MultipathTable;

/**
 * A map as it should be: settings, the topology view (action CREATE, no kernel state yet) and
 * the dm-multipath table to load.
 */
public record PlannedMap(MapSettings settings, MultipathMap map, MultipathTable table) {

    public String wwid() {
        return map.wwid();
    }

    public String name() {
        return map.name();
    }

    /** The same map with another planned action (REJECT for a map that must not be loaded). */
    public PlannedMap withAction(io.jmultipath.daemon.topology.MapAction a) {
        return new PlannedMap(settings, map.withAction(a), table);
    }

    /** Rejected by planning (paths of different sizes): never loaded. */
    public boolean rejected() {
        return map.action() == io.jmultipath.daemon.topology.MapAction.REJECT;
    }

    /** The same map at another size (the table is loaded with the map's size). */
    public PlannedMap withSize(long sectors) {
        return new PlannedMap(settings, map.withSize(sectors), table);
    }

    /** The same map under another name (its paths bound to that name). */
    public PlannedMap withName(String newName) {
        java.util.List<io.jmultipath.daemon.topology.PathGroup> groups = map.groups().stream()
                .map(g -> g.withPaths(g.paths().stream().map(x -> x.inMap(newName)).toList())).toList();
        return new PlannedMap(settings, map.withName(newName).withGroups(groups, map.nextPg()), table);
    }
}
