package io.jmultipath.daemon.format;

import io.jmultipath.daemon.topology.DmMapInfo;
import io.jmultipath.daemon.topology.MapPolicy;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The multipath (map) wildcard table of multipath-tools 0.9.4 (order = {@code show wildcards} order). */
final class MapFields {

    private MapFields() {
    }

    static final List<Wildcard<MultipathMap>> ALL = List.of(
            new Wildcard<>('n', "name", MultipathMap::name),
            new Wildcard<>('w', "uuid", MultipathMap::wwid),
            new Wildcard<>('d', "sysfs", m -> m.dm().map(d -> "dm-" + d.minor()).orElse("undef")),
            new Wildcard<>('F', "failback", MapFields::failback),
            new Wildcard<>('Q', "queueing", MapFields::queueing),
            new Wildcard<>('N', "paths", m -> Integer.toString(m.activePaths())),
            new Wildcard<>('r', "write_prot", m -> m.dm().map(d -> d.readOnly() ? "ro" : "rw").orElse("undef")),
            new Wildcard<>('t', "dm-st", m -> m.dm().map(MapFields::dmSt).orElse("undef")),
            new Wildcard<>('S', "size", m -> Texts.size(m.sizeSectors())),
            new Wildcard<>('f', "features", MultipathMap::features),
            new Wildcard<>('x', "failures", m -> Integer.toString(m.stats().mapFailures())),
            new Wildcard<>('h', "hwhandler", MultipathMap::hwHandler),
            new Wildcard<>('A', "action", m -> m.action().text().orElse("")),
            new Wildcard<>('0', "path_faults", m -> Integer.toString(m.stats().pathFaults())),
            new Wildcard<>('1', "switch_grp", m -> Integer.toString(m.stats().switchGroup())),
            new Wildcard<>('2', "map_loads", m -> Integer.toString(m.stats().mapLoads())),
            new Wildcard<>('3', "total_q_time", m -> Integer.toString(m.stats().totalQueueingTime())),
            new Wildcard<>('4', "q_timeouts", m -> Integer.toString(m.stats().queueingTimeouts())),
            new Wildcard<>('s', "vend/prod", MapFields::vendProd),
            new Wildcard<>('v', "vend", m -> first(m, p -> p.info().vendor()).orElse("##")),
            new Wildcard<>('p', "prod", m -> first(m, p -> p.info().product()).orElse("##")),
            new Wildcard<>('e', "rev", m -> first(m, p -> p.info().revision()).orElse("##")),
            new Wildcard<>('G', "foreign", m -> "--"),
            new Wildcard<>('g', "vpd page data", m -> "[undef]"),
            new Wildcard<>('k', "max_sectors_kb", m -> "n/a"));

    static Optional<Wildcard<MultipathMap>> lookup(char c) {
        return ALL.stream().filter(w -> w.letter() == c).findFirst();
    }

    private static String dmSt(DmMapInfo d) {
        return d.suspended() ? "suspend" : "active";
    }

    private static String vendProd(MultipathMap m) {
        for (Path p : m.paths()) {
            if (!p.info().vendor().isEmpty() && !p.info().product().isEmpty()) {
                return p.info().vendor() + "," + p.info().product();
            }
        }
        return "##,##";
    }

    private static Optional<String> first(MultipathMap m, Function<Path, String> f) {
        return m.paths().stream().map(f).filter(s -> !s.isEmpty()).findFirst();
    }

    static String failback(MultipathMap m) {
        MapPolicy p = m.policy();
        switch (p.failback()) {
            case "immediate":
            case "followover":
            case "manual":
                return p.failback();
            default:
                try {
                    int secs = Integer.parseInt(p.failback());
                    return p.failbackTick() == 0 ? "deferred:" + secs : Texts.progress(p.failbackTick(), secs);
                } catch (NumberFormatException e) {
                    return "undef";
                }
        }
    }

    static String queueing(MultipathMap m) {
        MapPolicy p = m.policy();
        if (p.noPathRetry().isEmpty()) {
            return "-";
        }
        String v = p.noPathRetry().get();
        if (v.equals("fail") || v.equals("0")) {
            return "off";
        }
        if (v.equals("queue")) {
            return "on";
        }
        try {
            int n = Integer.parseInt(v);
            if (p.retryTick() > 0) {
                return p.retryTick() + " sec";
            }
            return m.activePaths() > 0 ? n + " chk" : "off";
        } catch (NumberFormatException e) {
            return "-";
        }
    }
}
