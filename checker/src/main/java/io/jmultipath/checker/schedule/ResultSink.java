package io.jmultipath.checker.schedule;

import io.jmultipath.checker.CheckResult;

/** Receives every finished (or timed-out) check; called from any thread. */
@FunctionalInterface
public interface ResultSink {
    void onResult(String pathId, CheckResult r);
}
