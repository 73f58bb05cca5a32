package io.jmultipath.daemon.maps;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.discovery.DiscoveredPath;

/** Runs a path's checker and prioritizer once (the one-shot tool and initial discovery). */
public interface PathProbe {

    CheckState check(DiscoveredPath p, String checker);

    /** Priority, -1 if undefined. */
    int priority(DiscoveredPath p, String prio, String args);

    /** Marked marginal (setmarginal): grouped apart when marginal_pathgroups is on. */
    default boolean marginal(DiscoveredPath p) {
        return false;
    }
}
