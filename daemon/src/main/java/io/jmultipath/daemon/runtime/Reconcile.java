package io.jmultipath.daemon.runtime;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.maps.BindingsNamer;
import io.jmultipath.daemon.maps.FindMultipaths;
import io.jmultipath.daemon.maps.KernelMap;
import io.jmultipath.daemon.maps.KernelMaps;
import io.jmultipath.daemon.maps.MapPlanner;
import io.jmultipath.daemon.maps.MaxSectors;
import io.jmultipath.daemon.maps.PartitionMaps;
import io.jmultipath.daemon.maps.PlannedMap;
import io.jmultipath.daemon.maps.Reconciler;
import io.jmultipath.daemon.maps.ScsiTimeouts;
import io.jmultipath.daemon.maps.SettingsResolver;
import io.jmultipath.daemon.names.BindingsFile;
import io.jmultipath.daemon.names.WwidsFile;
import io.jmultipath.daemon.topology.DmPathState;
import io.jmultipath.daemon.topology.MapAction;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.MpathUdevFlags;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One reconciliation pass (multipathd coalesce_paths + domap): plan maps from the discovered
 * paths, create/reload/rename in the kernel, flush maps that lost all their paths, then read
 * the kernel state back and (re)register checkers.
 */
final class Reconcile {
    private final Engine e;

    /** One resolver per configuration: its per-device cache and its once-only warnings outlive a run. */
    private SettingsResolver settings;

    Reconcile(Engine e) {
        this.e = e;
    }

    void run(String why, boolean forceReload) {
        e.reconciliations++;
        KernelMaps kernel = KernelMaps.read(e.deps.dm());
        if (settings == null || settings.config() != e.config) {
            settings = new SettingsResolver(e.config, Optional.empty());
        }
        SettingsResolver settings = this.settings;
        MapPlanner planner = new MapPlanner(settings, new CachedProbe(e.paths, e.deps.probe()), false);
        Set<String> known = new HashSet<>();
        try {
            known.addAll(new WwidsFile(e.deps.root().wwidsFile(), "/etc/multipath/wwids").read().wwids());
        } catch (IOException ex) {
            Engine.LOG.debug("wwids file: {}", ex.getMessage());
        }
        Set<String> mapped = new HashSet<>();
        kernel.maps().forEach(k -> mapped.add(k.wwid()));
        mapped.addAll(e.maps.keySet());
        BindingsNamer namer = new BindingsNamer(new BindingsFile(e.deps.root().bindingsFile(), "/etc/multipath/bindings"),
                kernel, false);
        MapPlanner.Plan plan = planner.plan(new ArrayList<>(e.discovered.values()),
                new FindMultipaths(settings.findMultipaths(), known, false), mapped, p -> true, namer);
        plan.notes().forEach(n -> Engine.LOG.debug("{}", n));
        plan.discards().forEach(d -> Engine.LOG.warn("{}", d));
        settings.drainWarnings().forEach(w -> Engine.LOG.warn("{}", w));
        // as multipathd 0.9.4: an existing map changes size only by "resize map", reconfigure or at
        // startup, never because a path's change uevent reported a new capacity
        boolean mayResize = why.equals("resize") || why.equals("startup") || why.startsWith("reconfigure");
        List<PlannedMap> wanted = plan.maps().stream().filter(pm -> !e.suppressed.contains(pm.wwid()))
                .map(pm -> mayResize ? pm : keepKernelSize(pm, kernel)).toList();
        Set<String> suppressedNames = new HashSet<>();
        plan.maps().stream().filter(pm -> e.suppressed.contains(pm.wwid())).forEach(pm -> suppressedNames.add(pm.name()));
        MaxSectors maxSectors = new MaxSectors(e.deps.root(), e.deps.dm(), settings,
                (level, text) -> Engine.LOG.warn("{}", text));
        List<Reconciler.Outcome> outs = new Reconciler(e.deps.dm(), maxSectors).apply(wanted, kernel, false, forceReload);

        Map<String, Path> old = new HashMap<>(e.paths);
        e.paths.clear();
        for (Path p : plan.paths()) {
            Path prev = old.get(p.dev());
            Optional<String> mapName = p.mapName().filter(n -> !suppressedNames.contains(n));
            Path np = prev == null
                    ? new Path(p.info(), p.checker(), p.state(), p.priority(), p.dmState(), p.failCount(), mapName,
                            p.marginal(), p.nextCheck())
                    : new Path(p.info(), p.checker(), prev.state(), p.priority(), prev.dmState(),
                            prev.failCount(), mapName, prev.marginal(), prev.nextCheck());
            e.paths.put(p.dev(), np);
        }
        Map<String, MapRuntime> before = new LinkedHashMap<>(e.maps);
        e.maps.clear();
        for (int i = 0; i < outs.size(); i++) {
            Reconciler.Outcome o = outs.get(i);
            PlannedMap pm = wanted.get(i);
            if (o.error().isPresent()) {
                Engine.LOG.warn("{}", o.error().get());
                MapRuntime kept = before.remove(pm.wwid());
                if (kept != null && kernel.byWwid(pm.wwid()).isPresent()) {
                    e.maps.put(kept.wwid, kept); // the kernel map is left as it was, not flushed
                }
                continue;
            }
            MapRuntime m = before.remove(pm.wwid());
            if (m == null || o.action().loadsTable() || why.startsWith("reconfigure") || why.equals("startup")) {
                setupTimeouts(pm, settings); // setup_map: on a new, reloaded or reconfigured map
            }
            if (m == null) {
                m = new MapRuntime(pm.wwid(), o.map().name(), pm.settings(), o.map());
            }
            m.name = o.map().name();
            m.settings = pm.settings();
            if (!pm.map().paths().isEmpty()) {
                m.resolution = Optional.of(settings.resolve(pm.map().paths().get(0).info()));
            }
            if (o.action().loadsTable()) {
                m.mapLoads++;
            }
            logAction(o, pm, old);
            m.map = o.map().withAction(MapAction.NOTHING);
            e.maps.put(m.wwid, m);
        }
        e.blacklisted.clear();
        e.blacklisted.addAll(plan.blacklisted());
        for (MapRuntime gone : before.values()) {
            if (!flush(gone)) {
                gone.map = gone.map.withGroups(java.util.List.of(), 0);
                e.maps.put(gone.wwid, gone); // still in the kernel: keep showing it, flush again later
            }
        }
        e.byName.clear();
        e.maps.values().forEach(m -> e.byName.put(m.name, m));
        KernelMaps after = KernelMaps.read(e.deps.dm());
        for (MapRuntime m : e.maps.values()) {
            after.byWwid(m.wwid).ifPresent(k -> adoptKernelState(m, k));
            e.policy.syncFromKernel(m, false);
        }
        e.syncCheckers();
        e.pruneCheckStats();
        e.markDirty();
        Engine.LOG.debug("reconciled ({}): {} paths, {} maps", why, e.paths.size(), e.maps.size());
    }

    private static PlannedMap keepKernelSize(PlannedMap pm, KernelMaps kernel) {
        return kernel.byWwid(pm.wwid()).filter(k -> !pm.rejected() && k.sizeSectors() != pm.map().sizeSectors())
                .map(k -> {
                    Engine.LOG.debug("{}: paths report {} sectors, the map keeps {} until 'resize map'", k.name(),
                            pm.map().sizeSectors(), k.sizeSectors());
                    return pm.withSize(k.sizeSectors());
                }).orElse(pm);
    }

    /** sysfs_set_scsi_tmo for the map's paths, logged with multipathd's levels. */
    private void setupTimeouts(PlannedMap pm, SettingsResolver settings) {
        for (ScsiTimeouts.Note n : new ScsiTimeouts(e.deps.root(), true).apply(pm, settings)) {
            switch (n.level()) {
                case 0, 1 -> Engine.LOG.warn("{}", n.text());
                case 2 -> Engine.LOG.info("{}", n.text());
                default -> Engine.LOG.debug("{}", n.text());
            }
        }
    }

    private void logAction(Reconciler.Outcome o, PlannedMap pm, Map<String, Path> old) {
        String name = o.map().name();
        switch (o.action()) {
            case CREATE -> Engine.LOG.info("{}: load table [0 {} multipath {}]", name, pm.map().sizeSectors(), pm.table().format());
            case RELOAD -> Engine.LOG.info("{}: load table [0 {} multipath {}]", name, pm.map().sizeSectors(), pm.table().format());
            case RENAME -> Engine.LOG.info("{}: rename {}", name, o.map().wwid());
            default -> { }
        }
        for (Path p : o.map().paths()) {
            Path prev = old.get(p.dev());
            if (prev == null || !prev.mapName().equals(p.mapName())) {
                Engine.LOG.info("{} [{}]: path added to devmap {}", p.dev(), p.devT(), name);
            }
        }
    }

    /**
     * The planner dropped a map (its last path is gone): multipathd's ev_remove_path. With
     * flush_on_last_del queueing is disabled first, so I/O fails instead of hanging if the map
     * cannot be removed because it is open. False when the map stays in the kernel.
     */
    private boolean flush(MapRuntime m) {
        try {
            var info = e.deps.dm().info(m.name);
            if (info.isEmpty()) {
                return true;
            }
            if (Engine.yes(m.setting("flush_on_last_del", e.config.defaults("flush_on_last_del").value()))
                    && !m.queueingDisabled) {
                Engine.LOG.info("{} Last path deleted, disabling queueing", m.name);
                m.queueingDisabled = true;
                m.inRecovery = false;
                m.retryTick = 0;
                m.mapFailures++;
                e.message(m, "fail_if_no_path");
            }
            var busy = PartitionMaps.inUse(e.deps.dm(), m.name);
            if (busy.isPresent()) {
                Engine.LOG.warn("{}: map in use", busy.get());
                Engine.LOG.warn("{}: can't flush", m.name);
                return false;
            }
            PartitionMaps.removeWithPartitions(e.deps.dm(), m.name, MpathUdevFlags.remove());
            Engine.LOG.info("{}: map flushed", m.name);
            Engine.LOG.info("{}: removed map after removing all paths", m.name);
            return true;
        } catch (DmException ex) {
            Engine.LOG.warn("{}: can't flush: {}", m.name, ex.getMessage());
            return false;
        }
    }

    /**
     * cli_resize: the map's paths are read again from sysfs and, if they agree on a new size,
     * the map is reloaded with it.
     */
    boolean resize(MapRuntime m) {
        long before = m.map.sizeSectors();
        List<Path> members = m.map.paths();
        if (m.map.groups().isEmpty() || m.map.groups().get(0).paths().isEmpty()) {
            Engine.LOG.warn("{}: couldn't get path. cannot resize", m.name);
            return false;
        }
        io.jmultipath.daemon.discovery.Discovery disc = new io.jmultipath.daemon.discovery.Discovery(
                new io.jmultipath.daemon.discovery.SysfsReader(e.deps.root()));
        Map<String, io.jmultipath.daemon.discovery.DiscoveredPath> fresh = new LinkedHashMap<>();
        String first = m.map.groups().get(0).paths().get(0).dev();
        for (String dev : java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
                members.stream().map(Path::dev)).distinct().toList()) {
            try {
                fresh.put(dev, disc.discoverOne(dev));
            } catch (io.jmultipath.daemon.discovery.DiscoveryException ex) {
                Engine.LOG.warn("{}: couldn't get size from sysfs for path {}. cannot resize", m.name, dev);
                return false;
            }
        }
        long size = fresh.get(first).sizeSectors();
        if (size == before) {
            Engine.LOG.info("{}: map is still the same size ({})", m.name, before);
            return true;
        }
        for (var d : fresh.values()) {
            if (d.sizeSectors() != size) {
                Engine.LOG.warn("{}: path {} is a different size than others: cannot resize", m.name, d.dev());
                return false;
            }
        }
        Engine.LOG.debug("{} old size is {}, new size is {}", m.name, before, size);
        // only now, with every path agreeing, does the new size reach the discovered set
        fresh.values().forEach(d -> e.discovered.put(d.dev(), d));
        run("resize", false);
        MapRuntime now = e.maps.get(m.wwid);
        if (now == null || now.map.sizeSectors() != size) {
            Engine.LOG.warn("{}: failed to resize map", m.name);
            return false;
        }
        return true;
    }

    private void adoptKernelState(MapRuntime m, KernelMap k) {
        m.map = m.map.withDm(Optional.of(Reconciler.dmInfo(k.info())));
        k.status().ifPresent(st -> {
            m.currentPg = st.currentPg();
            for (Path p : m.map.paths()) {
                st.path(Engine.devt(p)).ifPresent(ps -> {
                    Path cur = e.paths.get(p.dev());
                    if (cur != null && cur.state() == CheckState.UNCHECKED) {
                        e.paths.put(p.dev(), cur.withDm(ps.active() ? DmPathState.ACTIVE : DmPathState.FAILED, ps.failCount()));
                    }
                });
            }
        });
    }

    /** Removes a map on request ("del map"): busy maps are refused. */
    static boolean delMap(Engine e, MapRuntime m) throws DmException {
        var busy = PartitionMaps.inUse(e.deps.dm(), m.name);
        if (busy.isPresent()) {
            Engine.LOG.warn("{}: map in use", busy.get());
            return false;
        }
        if (e.deps.dm().info(m.name).isPresent()) {
            PartitionMaps.removeWithPartitions(e.deps.dm(), m.name, MpathUdevFlags.remove());
        }
        e.maps.remove(m.wwid);
        e.byName.remove(m.name);
        e.suppressed.add(m.wwid);
        Engine.LOG.info("{}: map flushed", m.name);
        e.reconcile.run("del map", false);
        return true;
    }
}
