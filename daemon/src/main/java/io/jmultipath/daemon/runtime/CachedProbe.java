package io.jmultipath.daemon.runtime;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.maps.PathProbe;
import io.jmultipath.daemon.topology.Path;
import java.util.Map;

/**
 * The planner's probe inside the daemon: known paths keep the state and priority the checker
 * loop established (no blocking I/O on the owner thread); new paths get one probe.
 */
final class CachedProbe implements PathProbe {
    private final Map<String, Path> known;
    private final PathProbe delegate;

    CachedProbe(Map<String, Path> known, PathProbe delegate) {
        this.known = known;
        this.delegate = delegate;
    }

    @Override
    public CheckState check(DiscoveredPath p, String checker) {
        Path k = known.get(p.dev());
        return k != null && k.state() != CheckState.UNCHECKED ? k.state() : delegate.check(p, checker);
    }

    @Override
    public int priority(DiscoveredPath p, String prio, String args) {
        Path k = known.get(p.dev());
        return k != null ? k.priority() : delegate.priority(p, prio, args);
    }

    @Override
    public boolean marginal(DiscoveredPath p) {
        Path k = known.get(p.dev());
        return k != null && k.marginal();
    }
}
