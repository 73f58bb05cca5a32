package io.jmultipath.daemon.metrics;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.topology.DmPathState;
import io.jmultipath.daemon.topology.MapStats;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Renders a {@link MetricsView} in the Prometheus text exposition format (version 0.0.4): one
 * HELP/TYPE block per metric family, then its samples. Map samples carry {@code map}; path samples
 * {@code map} (empty for a path no map holds), {@code path} (kernel name) and, on
 * {@code jmultipath_path_info}, {@code dev_t}, {@code hcil} and {@code wwid}.
 */
public final class Exposition {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    private Exposition() {
    }

    public static String render(MetricsView v) {
        Exposition e = new Exposition();
        e.daemon(v);
        e.maps(v.topology().maps());
        e.paths(v);
        return e.out.toString();
    }

    private void daemon(MetricsView v) {
        family("jmultipath_up", "gauge", "1 while jmultipathd runs; state is what 'show daemon' says.");
        sample("jmultipath_up", labels("state", v.daemonState()), 1);
        family("jmultipath_uevents_received_total", "counter", "Block and dm uevents received.");
        sample("jmultipath_uevents_received_total", "", v.ueventsReceived());
        family("jmultipath_uevents_serviced_total", "counter", "Uevents applied (after merging a storm).");
        sample("jmultipath_uevents_serviced_total", "", v.ueventsServiced());
        family("jmultipath_reconciliations_total", "counter", "Map reconciliation passes (discovery against the kernel).");
        sample("jmultipath_reconciliations_total", "", v.reconciliations());
        family("jmultipath_maps", "gauge", "Multipath maps the daemon manages.");
        sample("jmultipath_maps", "", v.topology().maps().size());
        family("jmultipath_paths", "gauge", "Paths by checker state (as 'show status' counts them).");
        Map<CheckState, Integer> byState = new EnumMap<>(CheckState.class);
        for (CheckState s : CheckState.values()) {
            byState.put(s, 0);
        }
        v.topology().paths().forEach(p -> byState.merge(p.state(), 1, Integer::sum));
        byState.forEach((s, n) -> sample("jmultipath_paths", labels("state", s.stateName()), n));
    }

    private void maps(List<MultipathMap> maps) {
        family("jmultipath_map_paths", "gauge", "Paths in the map.");
        maps.forEach(m -> sample("jmultipath_map_paths", labels("map", m.name()), m.paths().size()));
        family("jmultipath_map_active_paths", "gauge", "Paths the checker finds usable (up or ghost).");
        maps.forEach(m -> sample("jmultipath_map_active_paths", labels("map", m.name()), m.activePaths()));
        family("jmultipath_map_queueing", "gauge", "1 while the map queues I/O when no path is left (queue_if_no_path).");
        maps.forEach(m -> sample("jmultipath_map_queueing", labels("map", m.name()),
                m.features().contains("queue_if_no_path") ? 1 : 0));
        family("jmultipath_map_size_bytes", "gauge", "Map size.");
        maps.forEach(m -> sample("jmultipath_map_size_bytes", labels("map", m.name()), m.sizeSectors() * 512));
        family("jmultipath_map_path_groups", "gauge", "Path groups in the map's table.");
        maps.forEach(m -> sample("jmultipath_map_path_groups", labels("map", m.name()), m.groups().size()));
        family("jmultipath_map_current_group", "gauge", "The group I/O goes to next (1-based; 0 without groups).");
        maps.forEach(m -> sample("jmultipath_map_current_group", labels("map", m.name()), m.nextPg()));
        counter(maps, "jmultipath_map_path_faults_total", "Path failures seen in the map (show maps stats %0).",
                MapStats::pathFaults);
        counter(maps, "jmultipath_map_switch_group_total", "Path group switches (show maps stats %1).",
                MapStats::switchGroup);
        counter(maps, "jmultipath_map_loads_total", "Table loads (show maps stats %2).", MapStats::mapLoads);
        counter(maps, "jmultipath_map_queueing_seconds_total", "Seconds spent queueing without a path (%3).",
                MapStats::totalQueueingTime);
        counter(maps, "jmultipath_map_queueing_timeouts_total", "no_path_retry expiries (show maps stats %4).",
                MapStats::queueingTimeouts);
        counter(maps, "jmultipath_map_failures_total", "Times the map lost its last path (%x).", MapStats::mapFailures);
    }

    private void counter(List<MultipathMap> maps, String name, String help, ToLongFunction<MapStats> f) {
        family(name, "counter", help);
        maps.forEach(m -> sample(name, labels("map", m.name()), f.applyAsLong(m.stats())));
    }

    private void paths(MetricsView v) {
        List<Path> paths = v.topology().paths();
        family("jmultipath_path_info", "gauge", "One sample per path, naming its device, HCTL and WWID.");
        for (Path p : paths) {
            sample("jmultipath_path_info", labels("map", p.mapName().orElse(""), "path", p.dev(), "dev_t", p.devT(),
                    "hcil", p.info().hcil().map(Object::toString).orElse(""), "wwid", p.wwid()), 1);
        }
        family("jmultipath_path_up", "gauge", "1 if the path checker finds the path usable (up or ghost).");
        paths.forEach(p -> sample("jmultipath_path_up", pathLabels(p), p.enabled() ? 1 : 0));
        family("jmultipath_path_state", "gauge", "The path checker's last state (one sample per path, value 1).");
        paths.forEach(p -> sample("jmultipath_path_state", pathLabels(p, "state", p.state().stateName()), 1));
        family("jmultipath_path_dm_active", "gauge", "1 if the kernel map has the path active, 0 failed or not in a map.");
        paths.forEach(p -> sample("jmultipath_path_dm_active", pathLabels(p), p.dmState() == DmPathState.ACTIVE ? 1 : 0));
        family("jmultipath_path_priority", "gauge", "Path priority (-1 undefined).");
        paths.forEach(p -> sample("jmultipath_path_priority", pathLabels(p), p.priority()));
        family("jmultipath_path_kernel_failures_total", "counter", "The kernel's fail count for the path (dm status).");
        paths.forEach(p -> sample("jmultipath_path_kernel_failures_total", pathLabels(p), p.failCount()));
        family("jmultipath_path_checks_total", "counter", "Checks done on the path.");
        paths.forEach(p -> sample("jmultipath_path_checks_total", pathLabels(p),
                v.checks().getOrDefault(p.dev(), CheckStat.NONE).checks()));
        family("jmultipath_path_check_latency_seconds", "gauge", "How long the path's last check took.");
        paths.forEach(p -> sample("jmultipath_path_check_latency_seconds", pathLabels(p),
                v.checks().getOrDefault(p.dev(), CheckStat.NONE).lastLatency().toNanos() / 1e9));
    }

    private static String pathLabels(Path p, String... extra) {
        String[] kv = new String[4 + extra.length];
        kv[0] = "map";
        kv[1] = p.mapName().orElse("");
        kv[2] = "path";
        kv[3] = p.dev();
        System.arraycopy(extra, 0, kv, 4, extra.length);
        return labels(kv);
    }

    private void family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String labels, long value) {
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }

    private void sample(String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(String.format(Locale.ROOT, "%.6f", value)).append('\n');
    }

    /** {k="v",…} with the format's escapes (backslash, double quote, newline). */
    static String labels(String... kv) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(kv[i]).append("=\"").append(escape(kv[i + 1])).append('"');
        }
        return b.append('}').toString();
    }

    static String escape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
