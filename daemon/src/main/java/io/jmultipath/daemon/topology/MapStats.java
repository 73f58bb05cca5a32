package io.jmultipath.daemon.topology;

/** Per-map counters printed by {@code show maps stats} (%0..%4) and %x. */
public record MapStats(int pathFaults, int switchGroup, int mapLoads, int totalQueueingTime,
                       int queueingTimeouts, int mapFailures) {
    public static final MapStats ZERO = new MapStats(0, 0, 0, 0, 0, 0);
}
