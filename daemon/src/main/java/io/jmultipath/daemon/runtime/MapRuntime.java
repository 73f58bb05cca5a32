package io.jmultipath.daemon.runtime;

import io.jmultipath.config.Resolution;
import io.jmultipath.daemon.maps.MapSettings;
import io.jmultipath.daemon.topology.MapPolicy;
import io.jmultipath.daemon.topology.MapStats;
import io.jmultipath.daemon.topology.MultipathMap;
import java.util.Optional;
import java.util.OptionalInt;

/** Mutable per-map runtime state, owned by the engine thread. */
final class MapRuntime {
    final String wwid;
    String name;
    MapSettings settings;
    MultipathMap map;
    int currentPg;
    long lastSync;
    java.util.List<io.jmultipath.daemon.topology.PgState> groupStates = java.util.List.of();
    boolean inRecovery;
    int retryTick;
    int failbackTick;
    boolean queueingDisabled;
    int pathFaults;
    int switchGroup;
    int mapLoads;
    int totalQueueingTime;
    int queueingTimeouts;
    int mapFailures;
    /** Every attribute of the map as configured (its first path's resolution), if known. */
    Optional<Resolution> resolution = Optional.empty();
    /** setprstatus/unsetprstatus (libmpathpersist's "registered" flag). */
    boolean prflag;
    /** A key set by setprkey while reservation_key is "file" (not written to the prkeys file). */
    Optional<String> fileKey = Optional.empty();

    MapRuntime(String wwid, String name, MapSettings settings, MultipathMap map) {
        this.wwid = wwid;
        this.name = name;
        this.settings = settings;
        this.map = map;
    }

    /** no_path_retry as a number of polling intervals, if it is one. */
    OptionalInt noPathRetryCount() {
        Optional<String> v = settings.noPathRetry();
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(v.get().strip());
            return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    boolean queuesForever() {
        return settings.noPathRetry().map(s -> s.strip().equals("queue")).orElse(false);
    }

    /** failback in seconds when deferred ("15"), else empty. */
    OptionalInt failbackSeconds() {
        try {
            int n = Integer.parseInt(settings.failback().strip());
            return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** A map attribute as configured (multipaths > overrides > devices > defaults), else the fallback. */
    String setting(String keyword, String fallback) {
        try {
            return resolution.map(r -> r.value(keyword)).filter(v -> !v.isEmpty()).orElse(fallback);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    MapPolicy policy() {
        return new MapPolicy(settings.failback(), failbackTick, settings.noPathRetry(), inRecovery ? retryTick : 0);
    }

    MapStats stats() {
        return new MapStats(pathFaults, switchGroup, mapLoads, totalQueueingTime, queueingTimeouts, mapFailures);
    }

    void resetStats() {
        pathFaults = 0;
        switchGroup = 0;
        mapLoads = 0;
        totalQueueingTime = 0;
        queueingTimeouts = 0;
        mapFailures = 0;
    }
}
