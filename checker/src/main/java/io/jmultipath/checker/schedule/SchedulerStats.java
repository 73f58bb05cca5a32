package io.jmultipath.checker.schedule;

/**
 * Scheduler counters. Lateness = how long after its due time a check actually started
 * (percentiles from a bounded histogram, ~6% precision).
 */
public record SchedulerStats(int registered, int inFlight, int stuck, long started, long completed,
                             long timeouts, long latenessP50Nanos, long latenessP99Nanos,
                             long latenessMaxNanos) {
}
