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
}
