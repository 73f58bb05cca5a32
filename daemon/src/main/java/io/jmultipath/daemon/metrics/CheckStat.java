package io.jmultipath.daemon.metrics;

import java.time.Duration;

/** A path's checker record for the metrics: checks done so far and how long the last one took. */
public record CheckStat(long checks, Duration lastLatency) {
    public static final CheckStat NONE = new CheckStat(0, Duration.ZERO);

    public CheckStat plus(Duration latency) {
        return new CheckStat(checks + 1, latency);
    }
}
