package io.jmultipath.checker.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CheckSchedulerTest {
    static final long S = 1_000_000_000L;
    final AtomicLong clock = new AtomicLong(1000 * S);
    final ManualExecutor exec = new ManualExecutor();
    final List<String> log = new ArrayList<>();
    final List<CheckResult> results = new ArrayList<>();

    synchronized void sink(String id, CheckResult r) {
        log.add(id + "=" + r.state());
        results.add(r);
    }

    static PathHandle handle(String dev) {
        return new PathHandle(dev, Path.of("/dev/" + dev), 8, 0, Path.of("/sys/block/" + dev + "/device"),
            Duration.ofSeconds(3));
    }

    /** Returns scripted states; counts calls; may advance the clock to simulate latency. */
    final class Scripted implements PathChecker {
        final Deque<CheckState> script = new ArrayDeque<>();
        int calls;
        long latency;

        Scripted(CheckState... states) {
            script.addAll(List.of(states));
        }

        @Override public String name() { return "fake"; }

        @Override public CheckResult check(PathHandle p) {
            calls++;
            clock.addAndGet(latency);
            CheckState s = script.size() > 1 ? script.poll() : script.peek();
            return new CheckResult(s, "fake checker reports " + s.stateName(), Duration.ZERO);
        }
    }

    CheckScheduler scheduler(int max) {
        return new CheckScheduler(clock::get, exec, max, this::sink);
    }

    long now() {
        return clock.get();
    }

    /** Advance to the deadline tick returns, tick, run the checks; returns the time of the tick. */
    long step(CheckScheduler s) {
        int before = log.size();
        for (int i = 0; i < 1000; i++) {
            long next = s.tick(now());
            exec.runAll();
            if (log.size() > before) {
                return now();
            }
            clock.set(Math.max(next, now()));
        }
        throw new AssertionError("nothing happened");
    }

    @Test
    void intervalDoublesWhileHealthyAndResetsOnChange() {
        CheckScheduler s = scheduler(4);
        Scripted c = new Scripted(CheckState.UP, CheckState.UP, CheckState.UP, CheckState.UP, CheckState.UP,
            CheckState.DOWN, CheckState.DOWN, CheckState.UP, CheckState.UP);
        s.register("sda", handle("sda"), c, Duration.ofSeconds(5), Duration.ofSeconds(20));
        long t0 = now();
        List<Long> times = new ArrayList<>();
        List<Long> checkints = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            times.add((step(s) - t0) / S);
            checkints.add(s.info("sda").orElseThrow().checkint());
        }
        assertEquals(List.of(0L, 5L, 15L, 35L, 55L, 75L, 80L, 85L, 90L), times);
        // first UP is a change from UNCHECKED -> 5; then 10, 20, 20; DOWN -> 5; DOWN -> 5; UP -> 5; UP -> 10
        assertEquals(List.of(5L, 10L, 20L, 20L, 20L, 5L, 5L, 5L, 10L), checkints);
        assertEquals(9, c.calls);
    }

    @Test
    void pendingIsRecheckedNextTickWithoutTouchingTheInterval() {
        CheckScheduler s = scheduler(4);
        Scripted c = new Scripted(CheckState.UP, CheckState.UP, CheckState.PENDING, CheckState.UP);
        s.register("sda", handle("sda"), c, Duration.ofSeconds(5), Duration.ofSeconds(20));
        long t0 = now();
        step(s);
        step(s);                                   // UP again -> checkint 10, due at +15
        assertEquals(15, (step(s) - t0) / S);      // PENDING
        assertEquals(10, s.info("sda").orElseThrow().checkint());
        assertEquals(16, (step(s) - t0) / S);      // re-checked 1 s later
        assertEquals(20, s.info("sda").orElseThrow().checkint()); // UP unchanged vs last UP -> doubled
        assertEquals(List.of("sda=UP", "sda=UP", "sda=PENDING", "sda=UP"), log);
    }

    @Test
    void boundsChecksInFlightAndNeverRunsOnePathTwice() {
        CheckScheduler s = scheduler(2);
        for (int i = 0; i < 5; i++) {
            s.register("p" + i, handle("sd" + (char) ('a' + i)), new Scripted(CheckState.UP),
                new CheckScheduler.Intervals(Duration.ofSeconds(5), Duration.ofSeconds(20)), "map0");
        }
        s.tick(now());
        assertEquals(2, exec.pending());
        assertEquals(2, s.stats().inFlight());
        s.checkSoon("p0");
        s.checkSoon("p1");
        s.tick(now());
        assertEquals(2, exec.pending(), "due paths wait for a slot; running ones are not started twice");
        exec.poll().run();                         // one finishes: the next waiting check starts at once
        assertEquals(2, exec.pending());
        assertEquals(2, s.stats().inFlight());
        // while saturated with a due backlog, the loop is asked to come back soon (5 ms), not in 1 s
        long next = s.tick(now());
        assertTrue(next - now() <= 5_000_000L, "next deadline while saturated: " + (next - now()));
        exec.runAll();
        assertEquals(5, log.size());
        assertEquals(0, s.stats().inFlight());
        Set<String> ids = new HashSet<>();
        log.forEach(l -> ids.add(l.substring(0, 2)));
        assertEquals(5, ids.size());
    }

    @Test
    void hungCheckIsReportedTimeoutOnceStuckAndNeverPilesUp() {
        CheckScheduler s = scheduler(1);
        Scripted hung = new Scripted(CheckState.UP);
        Scripted other = new Scripted(CheckState.UP);
        s.register("hung", handle("sda"), hung, Duration.ofSeconds(5), Duration.ofSeconds(20));
        s.register("other", handle("sdb"), other, Duration.ofSeconds(5), Duration.ofSeconds(20));
        long t0 = now();
        s.tick(now());
        Runnable stuckTask = exec.poll();          // the check of "hung" never returns (we hold it)
        assertEquals(1, s.stats().inFlight());
        // timeout 3 s + grace 1 s
        clock.set(t0 + 4 * S);
        s.tick(now());
        assertEquals(List.of("hung=TIMEOUT"), log);
        assertEquals(CheckState.TIMEOUT, results.get(0).state());
        assertEquals("fake checker timed out", results.get(0).message());
        assertEquals(1, s.stats().stuck());
        // the slot is free again: the other path (due at its phase, 3.09 s) got started
        assertEquals(1, s.stats().inFlight());
        assertEquals(1, exec.pending());
        exec.runAll();
        assertTrue(log.contains("other=UP"));
        // run the loop to t0+40 s: the hung path comes due again and again -> TIMEOUT, no new task
        while (now() < t0 + 40 * S) {
            long next = s.tick(now());
            exec.runAll();
            clock.set(Math.min(next, t0 + 40 * S));
        }
        long hungTimeouts = log.stream().filter(l -> l.equals("hung=TIMEOUT")).count();
        assertTrue(hungTimeouts >= 3, log.toString());
        assertEquals(0, hung.calls);
        // other path keeps its schedule: phase 3.09 s, then +5, +10, +20 -> 4 checks by t0+40
        assertEquals(4, other.calls, log.toString());
        assertEquals(1 + other.calls, exec.submitted, "exactly one task ever for the hung path");
        // the stuck check finally returns: its result is delivered and scheduling resumes
        stuckTask.run();
        assertEquals("hung=UP", log.get(log.size() - 1));
        assertEquals(0, s.stats().stuck());
        step(s);
        assertEquals(2, hung.calls);
    }

    @Test
    void throwingCheckerMarksThePathDownAndTheLoopGoesOn() {
        CheckScheduler s = scheduler(4);
        PathChecker bad = new PathChecker() {
            @Override public String name() { return "bad"; }
            @Override public CheckResult check(PathHandle p) { throw new IllegalStateException("boom"); }
        };
        s.register("a", handle("sda"), bad, new CheckScheduler.Intervals(Duration.ofSeconds(5), Duration.ofSeconds(5)), "m");
        s.register("b", handle("sdb"), new Scripted(CheckState.UP),
            new CheckScheduler.Intervals(Duration.ofSeconds(5), Duration.ofSeconds(5)), "m");
        step(s);
        step(s);
        assertEquals(List.of("a=DOWN", "b=UP", "a=DOWN", "b=UP"), log);
        assertEquals("bad checker failed: java.lang.IllegalStateException: boom", results.get(0).message());
    }

    @Test
    void phaseGroupsAreSpreadOverTheIntervalAndMembersShareOne() {
        CheckScheduler s = scheduler(100);
        long t0 = now();
        CheckScheduler.Intervals iv = new CheckScheduler.Intervals(Duration.ofSeconds(5), Duration.ofSeconds(20));
        for (int m = 0; m < 8; m++) {
            for (int p = 0; p < 2; p++) {
                s.register("m" + m + "p" + p, handle("sdx"), new Scripted(CheckState.UP), iv, "map" + m);
            }
        }
        // collect first-check times
        Set<Long> firstTimes = new HashSet<>();
        long[] first = new long[8];
        for (int round = 0; round < 40 && log.size() < 16; round++) {
            long t = step(s);
            for (String l : List.copyOf(log)) {
                int m = l.charAt(1) - '0';
                if (first[m] == 0) {
                    first[m] = t - t0 + 1;
                }
            }
        }
        for (long f : first) {
            assertTrue(f > 0 && f - 1 < 5 * S, "first check inside the first interval: " + f);
            firstTimes.add(f);
        }
        assertEquals(8, firstTimes.size(), "each map its own phase");
        long minGap = Long.MAX_VALUE;
        long[] sorted = firstTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        for (int i = 1; i < sorted.length; i++) {
            minGap = Math.min(minGap, sorted[i] - sorted[i - 1]);
        }
        assertTrue(minGap >= 5 * S / 20, "phases are spread, min gap " + minGap);
        assertEquals(16, log.size());
    }

    @Test
    void latencyIsMeasuredWithTheInjectedClockAndInfoShowsTheBar() {
        CheckScheduler s = scheduler(4);
        Scripted c = new Scripted(CheckState.UP);
        c.latency = 250_000_000L;
        s.register("sda", handle("sda"), c, Duration.ofSeconds(5), Duration.ofSeconds(20));
        step(s);
        assertEquals(Duration.ofMillis(250), results.get(0).latency());
        step(s);
        step(s);                                           // checkint now 20
        ScheduleInfo info = s.info("sda").orElseThrow();
        assertEquals(20, info.checkint());
        clock.addAndGet(8 * S);
        info = s.info("sda").orElseThrow();
        assertEquals("XXXXXX.... 12/20", info.nextCheckBar());
        assertEquals("XXXX...... 8/20", new ScheduleInfo(8, 20, false).nextCheckBar());
        s.unregister("sda");
        assertTrue(s.info("sda").isEmpty());
    }
}
