package io.jmultipath.daemon.runtime;

import io.jmultipath.config.Config;
import io.jmultipath.daemon.topology.Topology;

/** What CLI reads are answered from: an immutable topology plus the config it was built with. */
public record Snapshot(Topology topology, Config config, String daemonState) {
}
