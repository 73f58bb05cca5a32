package io.jmultipath.checker.checkers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.schedule.CheckScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduler + real directio on loop devices, manual clock, checks run inline (root). */
@Tag("root")
class SchedulerLoopTest {
    static final long S = 1_000_000_000L;

    @TempDir
    Path tmp;

    /** Runs each task in the calling thread: the scheduler submits outside its lock. */
    static final class Inline extends AbstractExecutorService {
        @Override public void execute(Runnable r) { r.run(); }
        @Override public void shutdown() { }
        @Override public List<Runnable> shutdownNow() { return List.of(); }
        @Override public boolean isShutdown() { return false; }
        @Override public boolean isTerminated() { return false; }
        @Override public boolean awaitTermination(long t, TimeUnit u) { return true; }
    }

    @Test
    void healthyLoopBacksOffAndADetachedOneFallsBackToPollingInterval() throws Exception {
        // wait for the whole timeout so the test does not depend on machine load (no PENDING)
        PathChecker directio = new DirectioChecker(io.jmultipath.checker.blockio.BlockIos.kernel(),
            new BoundedRunner("directio", 4), Duration.ofSeconds(10));
        AtomicLong clock = new AtomicLong(0);
        List<String> log = new ArrayList<>();
        CheckScheduler s = new CheckScheduler(clock::get, new Inline(), 4, (id, r) -> {
            synchronized (log) {
                log.add((clock.get() / S) + "s " + id + "=" + r.state().chkSt());
            }
        });
        try (LoopDevice a = LoopDevice.create(tmp, 1 << 20, List.of());
             LoopDevice b = LoopDevice.create(tmp, 1 << 20, List.of())) {
            CheckScheduler.Intervals iv = new CheckScheduler.Intervals(Duration.ofSeconds(5), Duration.ofSeconds(20));
            s.register("a", handle(a.dev), directio, iv, "map");
            s.register("b", handle(b.dev), directio, iv, "map");
            for (long t = 0; t <= 16 * S; t += S) {       // 1 s ticks, like multipathd's checker loop
                clock.set(t);
                if (t == 6 * S) {
                    b.detach();
                }
                s.tick(t);
            }
            assertEquals(List.of("0s a=ready", "0s b=ready", "5s a=ready", "5s b=ready",
                "15s a=ready", "15s b=faulty"), log);
            assertEquals(20, s.info("a").orElseThrow().checkint());
            assertEquals(5, s.info("b").orElseThrow().checkint());
            assertEquals("XXXXXXXXX. 19/20", s.info("a").orElseThrow().nextCheckBar());
        }
    }

    static PathHandle handle(Path dev) {
        String name = dev.getFileName().toString();
        return new PathHandle(name, dev, 7, 0, Path.of("/sys/block", name, "device"), Duration.ofSeconds(10));
    }

}
