package io.jmultipath.checker.schedule;

import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

/** Schedules path checks (see CONTRACTS.md). */
public final class CheckScheduler {
    public CheckScheduler(LongSupplier nanoClock, ExecutorService checkExecutor, int maxInFlight, ResultSink sink) {
    }

    public void register(String pathId, PathHandle h, PathChecker c, Duration pollingInterval, Duration maxPollingInterval) {
        throw new UnsupportedOperationException();
    }

    public void unregister(String pathId) {
        throw new UnsupportedOperationException();
    }

    public void checkSoon(String pathId) {
        throw new UnsupportedOperationException();
    }

    public long tick(long nowNanos) {
        throw new UnsupportedOperationException();
    }

    public Optional<ScheduleInfo> info(String pathId) {
        throw new UnsupportedOperationException();
    }
}
