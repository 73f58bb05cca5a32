package io.jmultipath.checker.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning: pendingRecheck = delay before re-checking a PENDING path (multipathd's next tick, 1 s);
 * timeoutGrace = how long past the handle's checker timeout a running check is declared TIMEOUT
 * by the scheduler (checkers time out by themselves first; this is the backstop for hung ones).
 */
public record SchedulerOptions(Duration pendingRecheck, Duration timeoutGrace) {
    public SchedulerOptions {
        Objects.requireNonNull(pendingRecheck, "pendingRecheck");
        Objects.requireNonNull(timeoutGrace, "timeoutGrace");
        if (pendingRecheck.isNegative() || pendingRecheck.isZero() || timeoutGrace.isNegative()) {
            throw new IllegalArgumentException("bad scheduler options " + pendingRecheck + " " + timeoutGrace);
        }
    }

    public static SchedulerOptions defaults() {
        return new SchedulerOptions(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
