package io.jmultipath.daemon.maps;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.discovery.Alua;
import io.jmultipath.daemon.discovery.Bus;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.discovery.Protocol;
import io.jmultipath.daemon.discovery.WwidSource;
import io.jmultipath.daemon.topology.DmPathState;
import io.jmultipath.daemon.topology.MapAction;
import io.jmultipath.daemon.topology.MapPolicy;
import io.jmultipath.daemon.topology.MapStats;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.topology.PathGroup;
import io.jmultipath.daemon.topology.PgState;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.MultipathStatus;
import io.jmultipath.dmctl.MultipathTable;
import io.jmultipath.dmctl.PathGroupSpec;
import io.jmultipath.dmctl.PathSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * disassemble_map + disassemble_status: a kernel map read back as a {@link MultipathMap}, its paths
 * joined with discovered (and evaluated) paths by dev_t; unknown dev_t become placeholder paths.
 */
public final class KernelTopology {

    private KernelTopology() {
    }

    /**
     * @param byDevT evaluated paths by "maj:min" (checker state + priority; use UNCHECKED / -1 for {@code -l})
     * @param policy failback / no_path_retry of the map
     */
    public static MultipathMap fromKernel(KernelMap k, Map<String, Path> byDevT, MapPolicy policy) {
        MultipathTable t = k.table().orElse(new MultipathTable(List.of(), List.of(), 0, List.of()));
        Optional<MultipathStatus> st = k.status();
        List<PathGroup> groups = new ArrayList<>();
        for (int g = 0; g < t.groups().size(); g++) {
            PathGroupSpec spec = t.groups().get(g);
            Optional<MultipathStatus.GroupStatus> gs = st.filter(s -> s.groups().size() > 0)
                    .flatMap(s -> groupAt(s, spec));
            List<Path> paths = new ArrayList<>();
            for (PathSpec ps : spec.paths()) {
                Path p = Optional.ofNullable(byDevT.get(ps.dev().toString()))
                        .orElseGet(() -> placeholder(ps.dev()));
                p = p.inMap(k.name());
                Optional<MultipathStatus.PathStatus> pst = st.flatMap(s -> s.path(ps.dev()));
                if (pst.isPresent()) {
                    p = p.withDm(pst.get().active() ? DmPathState.ACTIVE : DmPathState.FAILED, pst.get().failCount());
                }
                paths.add(p);
            }
            PathGroup pg = PathGroup.of(paths);
            groups.add(pg.withStatus(gs.map(KernelTopology::state).orElse(PgState.UNDEF)));
        }
        String selector = t.groups().isEmpty() ? "" : t.groups().get(0).selector().tableForm();
        return new MultipathMap(k.name(), k.wwid(), Optional.of(Reconciler.dmInfo(k.info())), k.sizeSectors(),
                MapSettings.withCount(t.features()), MapSettings.withCount(t.hwHandler()), selector, groups,
                t.initialPg(), MapAction.NOTHING, policy, MapStats.ZERO);
    }

    private static Optional<MultipathStatus.GroupStatus> groupAt(MultipathStatus s, PathGroupSpec spec) {
        for (MultipathStatus.GroupStatus g : s.groups()) {
            if (!spec.paths().isEmpty() && !g.paths().isEmpty() && g.paths().get(0).dev().equals(spec.paths().get(0).dev())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    private static PgState state(MultipathStatus.GroupStatus g) {
        switch (g.state()) {
            case ACTIVE: return PgState.ACTIVE;
            case DISABLED: return PgState.DISABLED;
            default: return PgState.ENABLED;
        }
    }

    /** A path the kernel table names but discovery does not know (prints "-" / "#:#"). */
    static Path placeholder(DevT dev) {
        DiscoveredPath d = new DiscoveredPath("", dev.major(), dev.minor(), Bus.UNDEF, Protocol.UNDEF, Optional.empty(),
                0, false, "", "", "", Optional.empty(), Optional.empty(), WwidSource.NONE,
                DiscoveredPath.Candidates.NONE, DiscoveredPath.Transport.NONE, Alua.NONE, Optional.empty(),
                Optional.empty(), List.of(), Map.of(), "");
        return Path.of(d, "", CheckState.UNCHECKED, -1);
    }

    /** Index paths by dev_t. */
    public static Map<String, Path> byDevT(List<Path> paths, Function<Path, Path> adjust) {
        Map<String, Path> m = new java.util.HashMap<>();
        for (Path p : paths) {
            m.put(p.devT(), adjust.apply(p));
        }
        return m;
    }
}
