package io.jmultipath.checker;

import java.time.Duration;
import java.util.Objects;

/** One check's outcome; message uses multipath-tools' wording ("tur checker reports path is up"). */
public record CheckResult(CheckState state, String message, Duration latency) {
    public CheckResult {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(latency, "latency");
    }

    public CheckResult withLatency(Duration l) {
        return new CheckResult(state, message, l);
    }
}
