package io.jmultipath.daemon.maps;

import io.jmultipath.daemon.topology.MapAction;
import io.jmultipath.daemon.topology.MapPolicy;
import io.jmultipath.daemon.topology.MapStats;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.topology.PathGroup;
import io.jmultipath.daemon.topology.PathGrouping;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.MultipathTable;
import io.jmultipath.dmctl.PathGroupSpec;
import io.jmultipath.dmctl.PathSpec;
import io.jmultipath.selector.SelectorArgs;
import io.jmultipath.selector.SelectorSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * setup_map + assemble_map: groups the evaluated paths with the map's policy, picks the best
 * group and writes the dm-multipath table
 * ({@code <features> <hwhandler> <nr_pgs> <initial_pg> {<selector> <nr_paths> 1 {<dev> <minio>}}}).
 */
public final class MapAssembler {

    private MapAssembler() {
    }

    /** @param paths evaluated paths of one WWID, in discovery order, already bound to {@code name} */
    public static PlannedMap assemble(String name, String wwid, MapSettings s, List<Path> paths) {
        List<PathGroup> groups = PathGrouping.group(paths, s.pgPolicy());
        int best = PathGrouping.bestPg(groups);
        long size = paths.stream().mapToLong(p -> p.info().sizeSectors()).filter(x -> x != 0).findFirst().orElse(0);
        MultipathMap map = new MultipathMap(name, wwid, Optional.empty(), size, s.featuresText(), s.hwHandlerText(),
                s.selector(), groups, best, MapAction.CREATE,
                new MapPolicy(s.failback(), 0, s.noPathRetry(), 0), MapStats.ZERO);
        return new PlannedMap(s, map, table(s, groups, best));
    }

    public static MultipathTable table(MapSettings s, List<PathGroup> groups, int initialPg) {
        SelectorSpec sel = SelectorSpec.parse(s.selector());
        List<PathGroupSpec> specs = new ArrayList<>();
        for (PathGroup g : groups) {
            List<PathSpec> ps = new ArrayList<>();
            for (Path p : g.paths()) {
                ps.add(new PathSpec(new DevT(p.info().major(), p.info().minor()),
                        SelectorArgs.pathArgs(sel.name(), s.minio(), p.priority(), s.rrWeightPriorities())));
            }
            specs.add(new PathGroupSpec(sel, ps));
        }
        return new MultipathTable(s.features(), s.hwHandler(), initialPg, specs);
    }
}
