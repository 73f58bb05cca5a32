package io.jmultipath.checker.checkers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.DirectRead;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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
    void hungReadsKeepOneWorkerEachAndThePoolStaysBounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        BlockIo hung = dev -> {
            reads.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new DirectRead(4096, true, 4096);
        };
        BoundedRunner runner = new BoundedRunner("directio-test", 3);
        DirectioChecker c = new DirectioChecker(hung, runner);
        try {
            for (int round = 0; round < 5; round++) {
                for (int d = 0; d < 6; d++) {
                    CheckResult r = c.check(h("sd" + (char) ('a' + d), Duration.ofMillis(20)));
                    assertEquals(CheckState.TIMEOUT, r.state());
                    assertEquals("directio checker timed out", r.message());
                }
            }
            // 3 workers are stuck on the first 3 devices; the other 3 never got a worker and were abandoned
            assertEquals(3, reads.get());
            assertEquals(3, runner.threads());
            assertEquals(3, runner.inFlight());
        } finally {
            release.countDown();
        }
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
