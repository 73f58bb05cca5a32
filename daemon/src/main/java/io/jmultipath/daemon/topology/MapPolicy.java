package io.jmultipath.daemon.topology;

import java.util.Optional;

/**
 * Map attributes that drive runtime behaviour and the %F / %Q columns.
 *
 * @param failback     "manual", "immediate", "followover" or a number of seconds
 * @param failbackTick seconds left of a deferred failback (0 = none running)
 * @param noPathRetry  "fail", "queue", a number of checker intervals, or empty (undef)
 * @param retryTick    seconds left of recovery-mode queueing (0 = not in recovery)
 */
public record MapPolicy(String failback, int failbackTick, Optional<String> noPathRetry, int retryTick) {
    public static final MapPolicy DEFAULT = new MapPolicy("manual", 0, Optional.empty(), 0);
}
