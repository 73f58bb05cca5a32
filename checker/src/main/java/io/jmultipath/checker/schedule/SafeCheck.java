package io.jmultipath.checker.schedule;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one check; a checker that throws marks the path DOWN and is logged once per failure streak. */
final class SafeCheck {
    private static final Logger LOG = LoggerFactory.getLogger(CheckScheduler.class);

    private SafeCheck() {
    }

    static CheckResult run(PathEntry e) {
        try {
            CheckResult r = e.checker.check(e.handle);
            e.failureLogged = false;
            if (r == null) {
                return new CheckResult(CheckState.DOWN, e.checker.name() + " checker returned no result", Duration.ZERO);
            }
            return r;
        } catch (RuntimeException | LinkageError | AssertionError ex) {
            if (!e.failureLogged) {
                e.failureLogged = true;
                LOG.warn("{}: {} checker failed: {}", e.handle.devName(), e.checker.name(), ex.toString(), ex);
            } else {
                LOG.debug("{}: {} checker failed again: {}", e.handle.devName(), e.checker.name(), ex.toString());
            }
            return new CheckResult(CheckState.DOWN, e.checker.name() + " checker failed: " + ex, Duration.ZERO);
        }
    }
}
