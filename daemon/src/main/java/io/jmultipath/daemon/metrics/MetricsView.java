package io.jmultipath.daemon.metrics;

import io.jmultipath.daemon.topology.Topology;
import java.util.Map;

/**
 * What the metrics are rendered from: the CLI's immutable topology snapshot, the daemon's state
 * ("show daemon"), its event counters and each path's checker record (by device name).
 */
public record MetricsView(Topology topology, String daemonState, long ueventsReceived, long ueventsServiced,
                          long reconciliations, Map<String, CheckStat> checks) {
    public MetricsView {
        checks = Map.copyOf(checks);
    }
}
