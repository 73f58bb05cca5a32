package io.jmultipath.checker.checkers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.DirectRead;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class DirectioCheckerTest {
    static PathHandle h(String dev, Duration t) {
        return new PathHandle(dev, Path.of("/dev/" + dev), 8, 0, Path.of("/sys/block/" + dev + "/device"), t);
    }

    @Test
    void shortReadAndErrorsAreDown() {
        BlockIo shortRead = dev -> new DirectRead(4096, true, 0);
        DirectioChecker c = new DirectioChecker(shortRead, new BoundedRunner("t", 2));
        assertEquals(CheckState.DOWN, c.check(h("sda", Duration.ofSeconds(5))).state());
        BlockIo eio = dev -> {
            throw new ErrnoException("pread", dev.toString(), 5, "EIO");
        };
        CheckResult r = new DirectioChecker(eio, new BoundedRunner("t", 2)).check(h("sda", Duration.ofSeconds(5)));
        assertEquals(CheckState.DOWN, r.state());
        assertEquals("directio checker reports path is down", r.message());
        BlockIo ok = dev -> new DirectRead(512, true, 512);
        assertEquals(CheckState.UP, new DirectioChecker(ok, new BoundedRunner("t", 2)).check(h("sda", Duration.ofSeconds(5))).state());
    }

    @Test
    void hungReadsAreDownHoldOneWorkerEachAndNeverStarveHealthyDevices() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Map<Path, AtomicInteger> reads = new ConcurrentHashMap<>();
        BlockIo io = dev -> {
            reads.computeIfAbsent(dev, d -> new AtomicInteger()).incrementAndGet();
            if (!dev.getFileName().toString().equals("sdz")) {
                try {
                    release.await();                   // a device that never answers
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new DirectRead(4096, true, 4096);
        };
        BoundedRunner runner = new BoundedRunner("directio-test", 3);
        DirectioChecker c = new DirectioChecker(io, runner, Duration.ofSeconds(1));   // waits out the 200 ms timeout
        try {
            for (int round = 0; round < 5; round++) {
                for (int d = 0; d < 6; d++) {
                    CheckResult r = c.check(h("sd" + (char) ('a' + d), Duration.ofMillis(200)));
                    assertEquals(CheckState.DOWN, r.state(), "round " + round + " sd" + (char) ('a' + d));
                    assertEquals("directio checker reports path is down", r.message());
                }
                // 6 hung devices > 3 workers, yet a healthy device is still read at once
                assertEquals(CheckState.UP, Settle.check(c, h("sdz", Duration.ofSeconds(5))).state(), "round " + round);
            }
            for (int d = 0; d < 6; d++) {
                assertEquals(1, reads.get(Path.of("/dev/sd" + (char) ('a' + d))).get(), "one read per hung device, ever");
            }
            assertEquals(5, reads.get(Path.of("/dev/sdz")).get());
            assertEquals(6, runner.detached());
            assertTrue(runner.threads() <= 3 + 6, "threads " + runner.threads());
            assertEquals(0, runner.queued());
        } finally {
            release.countDown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner.detached() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
        }
        assertEquals(0, runner.detached(), "stuck reads returned: their workers are no longer counted");
        // the answered reads were reported as timed out: the next check reads again
        assertEquals(CheckState.UP, Settle.check(c, h("sda", Duration.ofSeconds(5))).state());
        assertEquals(2, reads.get(Path.of("/dev/sda")).get());
    }

    @Test
    void slowReadIsPendingThenCollected() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        BlockIo slow = dev -> {
            reads.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new DirectRead(4096, true, 4096);
        };
        DirectioChecker c = new DirectioChecker(slow, new BoundedRunner("dio", 2), Duration.ofMillis(1));
        CheckResult first = c.check(h("sda", Duration.ofSeconds(30)));
        assertEquals(CheckState.PENDING, first.state());
        assertEquals("directio checker is waiting on aio", first.message());
        release.countDown();
        assertEquals(CheckState.UP, Settle.check(c, h("sda", Duration.ofSeconds(30))).state());
        assertEquals(1, reads.get());
    }
}
