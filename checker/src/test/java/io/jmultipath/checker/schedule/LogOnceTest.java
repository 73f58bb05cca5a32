package io.jmultipath.checker.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

class LogOnceTest {
    static final class Capture extends AbstractAppender {
        final List<String> lines = new ArrayList<>();

        Capture() {
            super("capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public synchronized void append(LogEvent e) {
            if (e.getLevel().isMoreSpecificThan(Level.WARN)) {
                lines.add(e.getMessage().getFormattedMessage());
            }
        }
    }

    @Test
    void throwingCheckerIsLoggedOncePerFailureStreak() {
        Capture cap = new Capture();
        cap.start();
        String name = CheckScheduler.class.getName();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig lc = new LoggerConfig(name, Level.DEBUG, false);
        lc.addAppender(cap, null, null);
        ctx.getConfiguration().addLogger(name, lc);
        ctx.updateLoggers();
        try {
            AtomicLong clock = new AtomicLong();
            ManualExecutor exec = new ManualExecutor();
            AtomicInteger calls = new AtomicInteger();
            PathChecker flaky = new PathChecker() {
                @Override public String name() { return "flaky"; }
                @Override public CheckResult check(PathHandle p) {
                    int n = calls.incrementAndGet();
                    if (n <= 3 || n == 5) {
                        throw new IllegalStateException("boom " + n);
                    }
                    return new CheckResult(CheckState.UP, "flaky checker reports path is up", Duration.ZERO);
                }
            };
            List<CheckState> states = new ArrayList<>();
            CheckScheduler s = new CheckScheduler(clock::get, exec, 1, (id, r) -> states.add(r.state()));
            s.register("sda", new PathHandle("sda", Path.of("/dev/sda"), 8, 0, Path.of("/sys/x"), Duration.ofSeconds(3)),
                flaky, Duration.ofSeconds(5), Duration.ofSeconds(5));
            for (int i = 0; i < 5; i++) {
                s.checkSoon("sda");
                s.tick(clock.get());
                exec.runAll();
            }
            assertEquals(List.of(CheckState.DOWN, CheckState.DOWN, CheckState.DOWN, CheckState.UP, CheckState.DOWN), states);
            assertEquals(List.of("sda: flaky checker failed: java.lang.IllegalStateException: boom 1",
                "sda: flaky checker failed: java.lang.IllegalStateException: boom 5"), cap.lines);
        } finally {
            ctx.getConfiguration().removeLogger(name);
            ctx.updateLoggers();
        }
    }
}
