package io.jmultipath.daemon.maps;

import io.jmultipath.checker.CheckState;
import io.jmultipath.config.Config;
import io.jmultipath.daemon.discovery.Discovery;
import io.jmultipath.daemon.discovery.SysfsReader;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.names.BindingsFile;
import io.jmultipath.daemon.names.WwidsFile;
import io.jmultipath.daemon.topology.MapAction;
import io.jmultipath.daemon.topology.MapPolicy;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.topology.PgPolicy;
import io.jmultipath.daemon.topology.Topology;
import io.jmultipath.dmctl.DeviceMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The one-call facade over discovery, planning and reconciliation, used by {@code jmultipath} and
 * by the daemon at startup / reconfigure: {@link #configure} (multipath -v2 / -d / -r) and
 * {@link #kernelTopology} (multipath -l / -ll, adopting existing maps).
 */
public final class Configurator {

    private static final Logger LOG = LoggerFactory.getLogger(Configurator.class);

    /** Tool options: dry run (-d), force reload (-r), ignore wwids file (-i), read-only bindings (-B), -p, -b. */
    public record Options(boolean dryRun, boolean forceReload, boolean ignoreWwids, boolean bindingsReadOnly,
                          Optional<PgPolicy> forcedPolicy, Optional<java.nio.file.Path> bindingsFile) {
        public static final Options DEFAULT = new Options(false, false, false, false, Optional.empty(), Optional.empty());
    }

    /** Everything one configure run did: the plan, per-map outcomes, warnings and the resulting snapshot. */
    public record Result(MapPlanner.Plan plan, List<Reconciler.Outcome> outcomes, List<String> warnings,
                         Topology topology, int kernelMapsBefore) {}

    private final HostRoot root;
    private final Config config;
    private final DeviceMapper dm;
    private final PathProbe probe;
    private final Options options;

    public Configurator(HostRoot root, Config config, DeviceMapper dm, PathProbe probe, Options options) {
        this.root = root;
        this.config = config;
        this.dm = dm;
        this.probe = probe;
        this.options = options;
    }

    public MapPlanner planner() {
        return new MapPlanner(new SettingsResolver(config, options.forcedPolicy()), probe, nvmeNative(root));
    }

    /** sysfs_set_scsi_tmo for one planned map (setup_map); a dry run only reports. */
    public List<ScsiTimeouts.Note> scsiTimeouts(PlannedMap pm) {
        return new ScsiTimeouts(root, !options.dryRun()).apply(pm, new SettingsResolver(config, options.forcedPolicy()));
    }

    public BindingsFile bindings() {
        java.nio.file.Path f = options.bindingsFile().orElse(root.bindingsFile());
        return new BindingsFile(f, options.bindingsFile().map(Object::toString).orElse("/etc/multipath/bindings"));
    }

    public WwidsFile wwids() {
        return new WwidsFile(root.wwidsFile(), "/etc/multipath/wwids");
    }

    /** Native NVMe multipath on (/sys/module/nvme_core/parameters/multipath = Y). */
    public static boolean nvmeNative(HostRoot root) {
        return SysfsReader.text(root.resolve("/sys/module/nvme_core/parameters/multipath"))
                .map(s -> s.strip().equals("Y")).orElse(false);
    }

    public Discovery.Result discover() throws IOException {
        return new Discovery(new SysfsReader(root)).discover();
    }

    /** Discovers, plans and reconciles; maps whose paths don't match {@code only} are left alone. */
    public Result configure(Predicate<Path> only) throws IOException {
        return configure(only, false);
    }

    /**
     * multipath [device]: with a reference WWID only that map is configured, and find_multipaths
     * does not apply (the device was named explicitly); without, every WWID find_multipaths allows.
     */
    public Result configure(Optional<String> refWwid) throws IOException {
        return configure(p -> refWwid.isEmpty() || p.wwid().equals(refWwid.get()), refWwid.isPresent());
    }

    private Result configure(Predicate<Path> scope, boolean explicit) throws IOException {
        Discovery.Result found = discover();
        List<String> warnings = new ArrayList<>(found.warnings());
        KernelMaps kernel = KernelMaps.read(dm);
        // FORCE_RELOAD_NONE (multipath without -r): a path already in a map is coalesced; a map is
        // only (re)considered for a path that is in none
        java.util.Set<String> coalesced = new java.util.HashSet<>();
        if (!options.forceReload()) {
            for (KernelMap k : kernel.maps()) {
                k.table().ifPresent(t -> t.devices().forEach(d -> coalesced.add(d.toString())));
            }
        }
        Predicate<Path> only = p -> scope.test(p) && !coalesced.contains(p.devT());
        WwidsFile.Parsed known = wwids().read();
        warnings.addAll(known.warnings());
        SettingsResolver sr = new SettingsResolver(config, options.forcedPolicy());
        FindMultipaths find = FindMultipaths.tool(explicit ? "greedy" : sr.findMultipaths(), known.wwids(),
                options.ignoreWwids());
        BindingsNamer namer = new BindingsNamer(bindings(), kernel,
                options.dryRun() || options.bindingsReadOnly(), !options.bindingsReadOnly());
        MapPlanner.Plan plan = new MapPlanner(sr, probe, nvmeNative(root)).plan(found.paths(), find,
                kernel.maps().stream().map(KernelMap::wwid).collect(Collectors.toSet()), only, namer);
        namer.flush();
        warnings.addAll(sr.drainWarnings());
        warnings.addAll(namer.warnings());
        if (!options.dryRun()) {
            reinstate(kernel, plan.paths());
        }
        MaxSectors maxSectors = new MaxSectors(root, dm, sr, (level, text) -> warnings.add(text));
        List<Reconciler.Outcome> outcomes = new Reconciler(dm, maxSectors).apply(plan.maps(), kernel, options.dryRun(),
                options.forceReload());
        if (!options.dryRun()) {
            // remember_wwid: on map creation
            List<String> ok = outcomes.stream().filter(o -> o.error().isEmpty() && o.action() == MapAction.CREATE)
                    .map(o -> o.map().wwid()).toList();
            try {
                wwids().addAll(ok);
            } catch (IOException e) {
                warnings.add("/etc/multipath/wwids: cannot add WWIDs: " + e.getMessage());
            }
        }
        List<MultipathMap> maps = outcomes.stream().filter(o -> o.error().isEmpty()).map(Reconciler.Outcome::map).toList();
        return new Result(plan, outcomes, warnings, new Topology(maps, plan.paths()), kernel.maps().size());
    }

    /**
     * get_dm_mpvec's reinstate_paths (multipath creating maps): in every existing map, a path the
     * kernel has failed is reinstated when its checker says it is up, or when its group is merely
     * enabled (not the active or a disabled one).
     */
    private void reinstate(KernelMaps kernel, List<Path> evaluated) {
        Map<String, Path> byDevT = new HashMap<>();
        evaluated.forEach(p -> byDevT.put(p.devT(), p));
        for (KernelMap k : kernel.maps()) {
            if (k.status().isEmpty()) {
                continue;
            }
            for (io.jmultipath.dmctl.MultipathStatus.GroupStatus g : k.status().get().groups()) {
                for (io.jmultipath.dmctl.MultipathStatus.PathStatus ps : g.paths()) {
                    Path p = byDevT.get(ps.dev().toString());
                    if (ps.active() || p == null) {
                        continue;
                    }
                    boolean up = p.state() == CheckState.UP;
                    if (!up && g.state() != io.jmultipath.dmctl.MultipathStatus.GroupState.ENABLED) {
                        continue;
                    }
                    try {
                        dm.message(k.name(), 0, "reinstate_path " + ps.dev());
                    } catch (io.jmultipath.dmctl.DmException e) {
                        LOG.error("{}: error reinstating", p.dev());
                    }
                }
            }
        }
    }

    /**
     * The maps the kernel has, read back and joined with discovered paths. {@code runCheckers}
     * (multipath -ll) runs checker and prioritizer on each path; without (-l) they stay undef.
     */
    public Topology kernelTopology(boolean runCheckers) throws IOException {
        Discovery.Result found = discover();
        MapPlanner planner = planner();
        SettingsResolver sr = new SettingsResolver(config, options.forcedPolicy());
        List<Path> paths = new ArrayList<>();
        for (var d : found.paths()) {
            var p = planner.withWwid(d);
            if (planner.blacklist(p).blacklisted()) {
                continue;
            }
            if (runCheckers) {
                paths.add(planner.evaluate(p));
            } else {
                paths.add(Path.of(p, sr.forPath(p).checker(), CheckState.UNCHECKED, -1));
            }
        }
        KernelMaps kernel = KernelMaps.read(dm);
        Map<String, Path> byDevT = KernelTopology.byDevT(paths, p -> p);
        List<MultipathMap> maps = new ArrayList<>();
        Map<String, Path> owned = new HashMap<>();
        for (KernelMap k : kernel.maps()) {
            MultipathMap m = KernelTopology.fromKernel(k, byDevT, policyOf(sr, k, byDevT));
            maps.add(m);
            for (Path p : m.paths()) {
                owned.put(p.devT(), p);
            }
        }
        List<Path> all = paths.stream().map(p -> owned.getOrDefault(p.devT(), p)).toList();
        LOG.debug("kernel topology: {} maps, {} paths", maps.size(), all.size());
        return new Topology(maps, all);
    }

    private static MapPolicy policyOf(SettingsResolver sr, KernelMap k, Map<String, Path> byDevT) {
        List<Path> ps = k.table().map(t -> t.devices().stream().map(d -> byDevT.get(d.toString()))
                .filter(p -> p != null).toList()).orElse(List.of());
        if (ps.isEmpty()) {
            return MapPolicy.DEFAULT;
        }
        var infos = ps.stream().map(Path::info).toList();
        MapSettings s = sr.forMap(k.wwid(), infos, infos.stream().map(sr::forPath).toList());
        return new MapPolicy(s.failback(), 0, s.noPathRetry(), 0);
    }
}
