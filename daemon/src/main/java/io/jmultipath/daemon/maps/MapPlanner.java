package io.jmultipath.daemon.maps;

import io.jmultipath.config.PathFacts;
import io.jmultipath.config.Verdict;
import io.jmultipath.daemon.discovery.Bus;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.topology.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * coalesce_paths: from discovered paths to planned maps. Per path: WWID by uid_attribute,
 * blacklist (blacklisted paths are dropped), checker + priority; then per WWID in path order:
 * find_multipaths, size agreement, settings, name, grouping and table.
 */
public final class MapPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(MapPlanner.class);

    /**
     * Paths kept (discovery order, map paths bound to their map), planned maps, blacklisted, notes
     * (debug level), and discards: "sdX: size N, expected M. Discard" (multipath's level 0: a map
     * with paths of different sizes is rejected, action REJECT).
     */
    public record Plan(List<Path> paths, List<PlannedMap> maps, List<String> blacklisted, List<String> notes,
                       List<String> discards) {
        public Plan {
            paths = List.copyOf(paths);
            maps = List.copyOf(maps);
            blacklisted = List.copyOf(blacklisted);
            notes = List.copyOf(notes);
            discards = List.copyOf(discards);
        }
    }

    private final SettingsResolver settings;
    private final PathProbe probe;
    private final boolean nvmeNative;

    /** @param nvmeNative native NVMe multipath is on: NVMe namespaces are shown but never mapped */
    public MapPlanner(SettingsResolver settings, PathProbe probe, boolean nvmeNative) {
        this.settings = settings;
        this.probe = probe;
        this.nvmeNative = nvmeNative;
    }

    /** WWID by uid_attribute, then the blacklist verdict ("sdb: device node name blacklisted"). */
    public DiscoveredPath withWwid(DiscoveredPath p) {
        return p.resolveWwid(settings.uidAttribute(p));
    }

    public SettingsResolver settings() {
        return settings;
    }

    /** filter_wwid alone: the wwid blacklist, unless a wwid exception matches. */
    public boolean blacklistWwid(String wwid) {
        io.jmultipath.config.Blacklist b = settings.config().blacklist();
        if (b.exceptionRules().wwid().stream().anyMatch(r -> r.matches(wwid))) {
            return false;
        }
        return b.blacklistRules().wwid().stream().anyMatch(r -> r.matches(wwid));
    }

    public Verdict blacklist(DiscoveredPath p) {
        PathFacts f = new PathFacts(p.dev(), Optional.of(p.vendor()).filter(s -> !s.isEmpty()),
                Optional.of(p.product()).filter(s -> !s.isEmpty()), Optional.of(p.protocol().text()), p.wwid(),
                p.udevProperties(), settings.uidAttribute(p));
        return settings.config().blacklist().check(f);
    }

    /** Evaluates one (WWID-resolved, not blacklisted) path: checker and priority. */
    public Path evaluate(DiscoveredPath p) {
        PathSettings ps = settings.forPath(p);
        Path e = Path.of(p, ps.checker(), probe.check(p, ps.checker()), probe.priority(p, ps.prio(), ps.prioArgs()));
        if (marginalPathgroups() && probe.marginal(p)) {   // group_paths(mpp, marginal_pathgroups)
            return new Path(e.info(), e.checker(), e.state(), e.priority(), e.dmState(), e.failCount(), e.mapName(),
                    true, e.nextCheck());
        }
        return e;
    }

    /** marginal_pathgroups on: marginal paths get groups of their own, after all others. */
    private boolean marginalPathgroups() {
        String v = settings.config().defaults("marginal_pathgroups").value();
        return v != null && !v.isBlank() && !v.strip().equals("off");
    }

    /**
     * @param discovered discovery output (WWIDs not yet resolved)
     * @param find       find_multipaths decision
     * @param mapped     WWIDs that already have a kernel map
     * @param only       restricts map planning to matching paths/WWIDs (multipath DEV argument)
     * @param namer      map naming
     */
    public Plan plan(List<DiscoveredPath> discovered, FindMultipaths find, Set<String> mapped,
                     Predicate<Path> only, Namer namer) {
        List<Path> kept = new ArrayList<>();
        List<String> blacklisted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> discards = new ArrayList<>();
        for (DiscoveredPath d : discovered) {
            DiscoveredPath p = withWwid(d);
            Verdict v = blacklist(p);
            if (v.blacklisted()) {
                LOG.debug("{}", v.reason());
                blacklisted.add(p.dev());
                continue;
            }
            kept.add(evaluate(p));
        }
        Map<String, List<Integer>> byWwid = new LinkedHashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            Path p = kept.get(i);
            if (p.info().wwid().isEmpty()) {
                notes.add(p.dev() + ": no WWID");
                continue;
            }
            if (p.info().bus() == Bus.NVME && nvmeNative) {
                continue;
            }
            byWwid.computeIfAbsent(p.wwid(), k -> new ArrayList<>()).add(i);
        }
        List<PlannedMap> maps = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byWwid.entrySet()) {
            String wwid = e.getKey();
            List<Integer> idx = e.getValue();
            if (idx.stream().noneMatch(i -> only.test(kept.get(i)))) {
                continue;
            }
            if (!find.shouldMultipath(wwid, idx.size(), mapped.contains(wwid))) {
                notes.add(kept.get(idx.get(0)).dev() + ": " + wwid + ": not multipathed (find_multipaths "
                        + find.mode() + ")");
                continue;
            }
            // the map takes the first non-zero path size; a zero size (no capacity) never mismatches
            long size = idx.stream().mapToLong(i -> kept.get(i).info().sizeSectors()).filter(x -> x != 0)
                    .findFirst().orElse(0);
            List<Integer> members = new ArrayList<>();
            boolean mismatch = false;
            for (int i : idx) {
                long s = kept.get(i).info().sizeSectors();
                if (s != 0 && size != 0 && s != size) {
                    // coalesce_paths: "ouch, avoid feeding that to the DM" — the map is rejected
                    discards.add(kept.get(i).dev() + ": size " + s + ", expected " + size + ". Discard");
                    mismatch = true;
                } else {
                    members.add(i);
                }
            }
            List<DiscoveredPath> infos = members.stream().map(i -> kept.get(i).info()).toList();
            List<PathSettings> ps = infos.stream().map(settings::forPath).toList();
            MapSettings ms = settings.forMap(wwid, infos, ps);
            String name = namer.nameFor(wwid, ms);
            notes.addAll(settings.explain(name, infos, ps, ms));
            List<Path> bound = new ArrayList<>();
            for (int i : members) {
                Path b = kept.get(i).inMap(name);
                kept.set(i, b);
                bound.add(b);
            }
            PlannedMap pm = MapAssembler.assemble(name, wwid, ms, bound);
            maps.add(mismatch ? pm.withAction(io.jmultipath.daemon.topology.MapAction.REJECT) : pm);
        }
        return new Plan(kept, maps, blacklisted, notes, discards);
    }
}
