package io.jmultipath.checker.checkers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.Checkers;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.scsi.Cdbs;
import io.jmultipath.checker.scsi.FakeSgIo;
import io.jmultipath.checker.scsi.FakeSgIo.Answer;
import io.jmultipath.checker.scsi.Senses;
import io.jmultipath.checker.scsi.SgIo;
import io.jmultipath.checker.scsi.SgRequest;
import io.jmultipath.checker.scsi.SgResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScsiCheckersTest {
    static final PathHandle SDX = new PathHandle("sdx", Path.of("/dev/sdx"), 8, 16,
        Path.of("/sys/block/sdx/device"), Duration.ofSeconds(30));

    static Answer ok() {
        return Answer.of(SgResponse.good(new byte[0]));
    }

    static Answer cc(byte[] sense) {
        return Answer.of(SgResponse.checkCondition(sense));
    }

    static Stream<Arguments> turCases() {
        return Stream.of(
            Arguments.of(new Answer[] {ok()}, CheckState.UP, "tur checker reports path is up", 1),
            Arguments.of(new Answer[] {cc(Senses.fixed(2, 4, 0x0b))}, CheckState.GHOST, "tur checker reports path is ghost", 1),
            Arguments.of(new Answer[] {cc(Senses.descriptor(2, 4, 0x0a))}, CheckState.PENDING, "tur checker reports path is transitioning", 1),
            Arguments.of(new Answer[] {cc(Senses.descriptor(5, 0x25, 0))}, CheckState.DISCONNECTED, "tur checker no access to this device", 1),
            Arguments.of(new Answer[] {cc(Senses.fixed(3, 0x11, 0))}, CheckState.DOWN, "tur checker reports path is down", 1),
            Arguments.of(new Answer[] {cc(Senses.fixed(6, 0x29, 0)), cc(Senses.descriptor(6, 0x2a, 9)), ok()}, CheckState.UP,
                "tur checker reports path is up", 3),
            Arguments.of(new Answer[] {cc(Senses.fixed(6, 0x29, 0))}, CheckState.DOWN, "tur checker reports path is down", 5),
            Arguments.of(new Answer[] {Answer.of(new SgResponse(0, 0x07, 0, 0, new byte[0], new byte[0])), ok()},
                CheckState.UP, "tur checker reports path is up", 2),
            Arguments.of(new Answer[] {Answer.of(new SgResponse(0, 0x07, 0, 0, new byte[0], new byte[0]))},
                CheckState.DOWN, "tur checker reports path is down", 5),
            Arguments.of(new Answer[] {Answer.of(new SgResponse(0, 0x01, 0, 0, new byte[0], new byte[0]))},
                CheckState.DOWN, "tur checker reports path is down", 1),
            Arguments.of(new Answer[] {Answer.of(new SgResponse(0x18, 0, 0, 0, new byte[0], new byte[0]))},
                CheckState.UP, "tur checker reports path is up", 1),
            Arguments.of(new Answer[] {Answer.errno("SG_IO", 25, "ENOTTY")}, CheckState.WILD,
                "tur checker doesn't support this device", 1),
            Arguments.of(new Answer[] {Answer.errno("SG_IO", 5, "EIO")}, CheckState.DOWN, "tur checker reports path is down", 1),
            Arguments.of(new Answer[] {Answer.errno("SG_IO", 6, "ENXIO")}, CheckState.DOWN, "tur checker reports path is down", 1));
    }

    @ParameterizedTest
    @MethodSource("turCases")
    void tur(Answer[] answers, CheckState state, String message, int commands) {
        FakeSgIo sg = new FakeSgIo().on(Cdbs.TEST_UNIT_READY, answers);
        CheckResult r = Settle.check(Checkers.create("tur", sg), SDX);
        assertEquals(state, r.state());
        assertEquals(message, r.message());
        assertEquals(commands, sg.requests.size());
        SgRequest q = sg.requests.get(0);
        assertArrayEquals(new byte[6], q.cdb());
        assertEquals(SgRequest.Direction.NONE, q.direction());
        assertEquals(Duration.ofSeconds(30), q.timeout());
        assertEquals(32, q.senseLength());
    }

    @Test
    void turOpenFailureIsDown() {
        SgIo sg = (dev, req) -> {
            throw new ErrnoException("open", dev.toString(), 2, "ENOENT");
        };
        CheckResult r = Settle.check(Checkers.create("tur", sg), SDX);
        assertEquals(CheckState.DOWN, r.state());
    }

    @Test
    void readsector0() {
        FakeSgIo sg = new FakeSgIo().on(Cdbs.READ_10, cc(Senses.fixed(6, 0x29, 0)), cc(Senses.fixed(6, 0x29, 0)),
            cc(Senses.fixed(6, 0x29, 0)), Answer.of(SgResponse.good(new byte[4096])));
        PathChecker c = Checkers.create("readsector0", sg);
        CheckResult r = c.check(SDX);
        assertEquals(CheckState.UP, r.state());
        assertEquals("readsector0 checker reports path is up", r.message());
        assertEquals(4, sg.requests.size());
        byte[] cdb = sg.requests.get(0).cdb();
        assertEquals(10, cdb.length);
        assertEquals(0x28, cdb[0] & 0xff);
        assertEquals(1, cdb[8]);
        assertEquals(4096, sg.requests.get(0).dataLength());

        FakeSgIo ua = new FakeSgIo().on(Cdbs.READ_10, cc(Senses.descriptor(6, 0x29, 0)));
        CheckResult down = Checkers.create("readsector0", ua).check(SDX);
        assertEquals(CheckState.DOWN, down.state());
        assertEquals("readsector0 checker reports path is down", down.message());
        assertEquals(4, ua.requests.size(), "3 retries after the first UNIT ATTENTION");

        FakeSgIo medium = new FakeSgIo().on(Cdbs.READ_10, cc(Senses.fixed(3, 0x11, 0)));
        assertEquals(CheckState.DOWN, Checkers.create("readsector0", medium).check(SDX).state());
        FakeSgIo enomem = new FakeSgIo().on(Cdbs.READ_10, Answer.errno("SG_IO", 12, "ENOMEM"));
        assertEquals(CheckState.UP, Checkers.create("readsector0", enomem).check(SDX).state());
        FakeSgIo eio = new FakeSgIo().on(Cdbs.READ_10, Answer.errno("SG_IO", 5, "EIO"));
        assertEquals(CheckState.DOWN, Checkers.create("readsector0", eio).check(SDX).state());
    }

    @Test
    void hungTurTimesOutAndNeverSpawnsASecondCommand() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        SgIo hung = (dev, req) -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SgResponse.good(new byte[0]);
        };
        BoundedRunner runner = new BoundedRunner("tur-test", 4);
        TurChecker c = new TurChecker(hung, runner);
        PathHandle h = new PathHandle("sdx", Path.of("/dev/sdx"), 8, 16, Path.of("/sys/x"), Duration.ofMillis(50));
        try {
            CheckResult first = c.check(h);
            assertEquals(CheckState.TIMEOUT, first.state());
            assertEquals("tur checker timed out", first.message());
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 20; i++) {
                assertEquals(CheckState.TIMEOUT, c.check(h).state());
            }
            assertEquals(1, calls.get(), "no second TUR while the first is stuck");
            assertEquals(1, runner.threads());
            // another device still gets its own worker
            PathHandle other = new PathHandle("sdy", Path.of("/dev/sdy"), 8, 32, Path.of("/sys/y"), Duration.ofMillis(50));
            assertEquals(CheckState.TIMEOUT, c.check(other).state());
        } finally {
            release.countDown();
        }
        // once the device answers, the next check runs a new command
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (runner.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        PathHandle slow = new PathHandle("sdx", Path.of("/dev/sdx"), 8, 16, Path.of("/sys/x"), Duration.ofSeconds(5));
        assertEquals(CheckState.UP, c.check(slow).state());
    }

    @Test
    void slowTurIsPendingThenCollectedByTheNextCheck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        SgIo slow = (dev, req) -> {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SgResponse.checkCondition(Senses.fixed(2, 4, 0x0b));
        };
        BoundedRunner runner = new BoundedRunner("tur-async", 2);
        TurChecker c = new TurChecker(slow, runner, Duration.ofMillis(1));
        PathHandle h = new PathHandle("sdx", Path.of("/dev/sdx"), 8, 16, Path.of("/sys/x"), Duration.ofSeconds(30));
        CheckResult first = c.check(h);
        assertEquals(CheckState.PENDING, first.state());
        assertEquals("tur checker still running", first.message());
        assertEquals(CheckState.PENDING, c.check(h).state());
        release.countDown();
        CheckResult done = Settle.check(c, h);
        assertEquals(CheckState.GHOST, done.state());
        assertEquals(1, calls.get(), "the result of the first TUR was collected, no second command");
        assertEquals(0, runner.inFlight());
    }
}
