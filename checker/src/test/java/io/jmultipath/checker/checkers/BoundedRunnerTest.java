package io.jmultipath.checker.checkers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmultipath.checker.checkers.BoundedRunner.Kind;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class BoundedRunnerTest {
    static final Duration SHORT = Duration.ofMillis(200);

    @Test
    void stuckWorkersAreReplacedUpToTheCapThenAQueuedOperationIsAbandonedAndDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Callable<String> hang = () -> {
            started.incrementAndGet();
            release.await();
            return "late";
        };
        BoundedRunner r = new BoundedRunner("cap", 2, 1);
        try {
            assertEquals(Kind.TIMED_OUT, r.run("a", SHORT, hang).kind());   // worker 1 stuck, replaced (cap 1)
            assertEquals(Kind.TIMED_OUT, r.run("b", SHORT, hang).kind());   // worker 2 stuck, cap reached
            assertEquals(Kind.TIMED_OUT, r.run("c", SHORT, hang).kind());   // the replacement, stuck too
            assertEquals(3, started.get());
            assertEquals(1, r.detached());
            assertEquals(3, r.threads(), "maxThreads 2 + 1 replaced");
            // no worker left: d waits in the queue, is abandoned at its timeout and removed from the queue
            assertEquals(Kind.TIMED_OUT, r.run("d", SHORT, hang).kind());
            assertEquals(3, started.get());
            assertEquals(0, r.queued());
            assertEquals(3, r.inFlight(), "a, b, c hold their key; d holds nothing");
            for (int i = 0; i < 50; i++) {                                     // checks of stuck keys start nothing
                assertEquals(Kind.TIMED_OUT, r.run("a", SHORT, hang).kind());
                assertEquals(Kind.TIMED_OUT, r.run("b", SHORT, hang).kind());
            }
            assertEquals(3, started.get());
            assertEquals(3, r.threads());
        } finally {
            release.countDown();
        }
        awaitTrue(() -> r.detached() == 0 && r.inFlight() == 3 && started.get() == 3);
        // the late results were reported TIMED_OUT: discarded, the next run executes anew
        assertEquals("fresh", r.run("a", Duration.ofSeconds(5), () -> "fresh").value().orElseThrow());
        assertEquals("fresh", r.run("d", Duration.ofSeconds(5), () -> "fresh").value().orElseThrow());
    }

    @Test
    void manyDevicesHangingAtOnceNeverStarveAHealthyOneEvenBeforeTheirTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        BoundedRunner r = new BoundedRunner("starve", 4);
        Duration wait = Duration.ofMillis(20);
        try {
            // 20 devices hang at once; their 30 s checker_timeout is far away, the checks answer PENDING
            for (int i = 0; i < 20; i++) {
                assertEquals(Kind.PENDING, r.run("hung" + i, Duration.ofSeconds(30), wait, () -> {
                    started.incrementAndGet();
                    release.await();
                    return 0;
                }).kind());
            }
            awaitTrue(() -> started.get() == 20);
            for (int i = 0; i < 20; i++) {                  // the scheduler's next ticks: still pending, nothing new
                assertEquals(Kind.PENDING, r.run("hung" + i, Duration.ofSeconds(30), wait, () -> 0).kind());
            }
            assertEquals(20, started.get());
            assertEquals(20, r.detached());
            for (int i = 0; i < 10; i++) {
                BoundedRunner.Outcome<Integer> o = r.run("healthy", Duration.ofSeconds(5), () -> 7);
                assertEquals(Kind.DONE, o.kind());
                assertEquals(7, o.value().orElseThrow());
            }
            assertTrue(r.threads() <= 4 + 20, "threads " + r.threads());
        } finally {
            release.countDown();
        }
        awaitTrue(() -> r.detached() == 0);
        // the late answers are collected by the next check of each device
        assertEquals(Kind.DONE, r.run("hung3", Duration.ofSeconds(30), wait, () -> 0).kind());
    }

    @Test
    void pendingThenCollectedAndFailuresReported() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BoundedRunner r = new BoundedRunner("async", 2);
        Callable<String> slow = () -> {
            release.await();
            return "done";
        };
        assertEquals(Kind.PENDING, r.run("k", Duration.ofSeconds(30), Duration.ofMillis(1), slow).kind());
        assertEquals(Kind.PENDING, r.run("k", Duration.ofSeconds(30), Duration.ofMillis(1), slow).kind());
        release.countDown();
        awaitTrue(() -> r.run("k", Duration.ofSeconds(30), Duration.ofMillis(1), slow).kind() == Kind.DONE);
        assertEquals(0, r.inFlight());
        BoundedRunner.Outcome<String> f = r.run("k", Duration.ofSeconds(5), () -> {
            throw new java.io.IOException("EIO");
        });
        assertEquals(Kind.FAILED, f.kind());
        assertEquals("EIO", f.error().orElseThrow().getMessage());
    }

    static void awaitTrue(java.util.function.BooleanSupplier c) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in 10 s");
            LockSupport.parkNanos(1_000_000L);
        }
    }
}
