package io.jmultipath.checker.checkers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.Checkers;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.blockio.BlockIos;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.blockio.DirectRead;
import io.jmultipath.checker.blockio.JdkBlockIo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** directio against real loop devices (root). */
@Tag("root")
class DirectioLoopTest {
    @TempDir
    Path tmp;

    static PathHandle handle(Path dev) {
        String name = dev.getFileName().toString();
        return new PathHandle(name, dev, 7, 0, Path.of("/sys/block", name, "device"), Duration.ofSeconds(10));
    }

    @Test
    void upOnALoopDeviceAndDownOnceDetached() throws Exception {
        PathChecker c = Checkers.create("directio", null);
        try (LoopDevice loop = LoopDevice.create(tmp, 1 << 20, List.of())) {
            CheckResult r = Settle.check(c, handle(loop.dev));
            assertEquals(CheckState.UP, r.state(), r.message());
            assertEquals("directio checker reports path is up", r.message());
            DirectRead read = BlockIos.kernel().readFirstBlock(loop.dev);
            assertTrue(read.blockSizeFromDevice());
            assertEquals(read.blockSize(), read.bytesRead());
            loop.detach();
            CheckResult after = Settle.check(c, handle(loop.dev));
            assertEquals(CheckState.DOWN, after.state(), after.message());
            assertEquals("directio checker reports path is down", after.message());
        }
    }

    @Test
    void logicalBlockSize4096AndMissingNode() throws Exception {
        PathChecker c = Checkers.create("directio", null);
        try (LoopDevice loop = LoopDevice.create(tmp, 1 << 20, List.of("-b", "4096"))) {
            assertEquals(CheckState.UP, Settle.check(c, handle(loop.dev)).state());
            assertEquals(4096, BlockIos.kernel().readFirstBlock(loop.dev).blockSize());
        }
        Path gone = tmp.resolve("no-such-dev");
        CheckResult r = Settle.check(c, handle(gone));
        assertEquals(CheckState.DOWN, r.state());
    }

    @Test
    void blockSize512IsReadWithTheNativePreadBecauseTheJdkRefusesIt() throws Exception {
        // 1 MiB + 512 bytes: the kernel's soft block size (BLKBSZGET) is 512 for this size
        try (LoopDevice loop = LoopDevice.create(tmp, (1 << 20) + 512, List.of())) {
            assertEquals(512, new io.jmultipath.checker.blockio.jna.JnaBlockIo().blockSize(loop.dev).orElseThrow());
            int align = JdkBlockIo.alignment(loop.dev);
            assertEquals(4096, align, "devtmpfs block size: the JDK's O_DIRECT alignment");
            ErrnoException refused = assertThrows(ErrnoException.class, () -> new JdkBlockIo().read(loop.dev, 512, true));
            assertTrue(refused.getMessage().contains("block size"), refused.getMessage());
            DirectRead r = BlockIos.kernel().readFirstBlock(loop.dev);
            assertEquals(new DirectRead(512, true, 512, DirectRead.NATIVE), r);
            CheckResult up = Settle.check(Checkers.create("directio", null), handle(loop.dev));
            assertEquals(CheckState.UP, up.state(), up.message());
        }
        try (LoopDevice loop = LoopDevice.create(tmp, 1 << 20, List.of())) {
            assertEquals(new DirectRead(4096, true, 4096, DirectRead.JDK), BlockIos.kernel().readFirstBlock(loop.dev));
        }
    }

    @Test
    void aDeviceNodeThatVanishesIsDownAndComesBackUp() throws Exception {
        PathChecker c = Checkers.create("directio", null);
        try (LoopDevice loop = LoopDevice.create(tmp, 1 << 20, List.of())) {
            // a private node for the same dev_t, removed and re-created under the checker
            String[] mm = Files.readString(Path.of("/sys/block", loop.dev.getFileName().toString(), "dev")).trim().split(":");
            Path node = tmp.resolve("node");
            assertEquals(0, LoopDevice.run(List.of("mknod", node.toString(), "b", mm[0], mm[1])).rc());
            assertEquals(CheckState.UP, Settle.check(c, handle(node)).state());
            Files.delete(node);
            CheckResult gone = Settle.check(c, handle(node));
            assertEquals(CheckState.DOWN, gone.state(), gone.message());
            assertEquals(0, LoopDevice.run(List.of("mknod", node.toString(), "b", mm[0], mm[1])).rc());
            assertEquals(CheckState.UP, Settle.check(c, handle(node)).state());
        }
    }

    @Test
    void deviceDisappearingWhileBeingCheckedNeverBreaksTheChecker() throws Exception {
        PathChecker c = Checkers.create("directio", null);
        try (LoopDevice loop = LoopDevice.create(tmp, 1 << 20, List.of())) {
            PathHandle h = handle(loop.dev);
            List<CheckResult> seen = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch firstUp = new CountDownLatch(1);
            Throwable[] failure = new Throwable[1];
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get() && seen.size() < 100_000) {
                        CheckResult r = Settle.check(c, h);
                        synchronized (seen) {
                            seen.add(r);
                        }
                        if (r.state() == CheckState.UP) {
                            firstUp.countDown();
                        }
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                    firstUp.countDown();
                }
            }, "checking");
            t.start();
            try {
                firstUp.await();
                Files.delete(loop.file);       // backing file removed while checking (loop keeps it open)
                loop.detach();                 // then the device goes away
            } finally {
                stop.set(true);
                t.join();
            }
            assertEquals(null, failure[0]);
            Set<CheckState> states = EnumSet.noneOf(CheckState.class);
            synchronized (seen) {
                seen.forEach(r -> states.add(r.state()));
            }
            assertTrue(EnumSet.of(CheckState.UP, CheckState.DOWN).containsAll(states), states.toString());
            CheckResult last = Settle.check(c, h);
            assertEquals(CheckState.DOWN, last.state(), last.message());
        }
    }

    @Test
    void turThroughRealSgIoOnALoopDeviceIsWild() throws Exception {
        try (LoopDevice loop = LoopDevice.create(tmp, 1 << 20, List.of())) {
            CheckResult r = Checkers.create("tur", io.jmultipath.checker.scsi.SgIos.kernel()).check(handle(loop.dev));
            // loop devices do not speak SG_IO: this kernel answers EINVAL (-> DOWN); ENOTTY would be WILD
            io.jmultipath.checker.ErrnoException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.jmultipath.checker.ErrnoException.class, () -> io.jmultipath.checker.scsi.SgIos.kernel()
                    .execute(loop.dev, io.jmultipath.checker.scsi.Cdbs.testUnitReady(Duration.ofSeconds(5))));
            assertEquals("SG_IO", e.operation());
            assertEquals("SG_IO " + loop.dev + ": " + e.errnoName(), e.getMessage());
            if (e.errnoName().equals("ENOTTY")) {
                assertEquals(CheckState.WILD, r.state());
                assertEquals("tur checker doesn't support this device", r.message());
            } else {
                assertEquals(CheckState.DOWN, r.state());
                assertEquals("tur checker reports path is down", r.message());
            }
        }
    }

    @Test
    void jdkDirectReaderFallback() throws Exception {
        io.jmultipath.checker.blockio.JdkBlockIo jdk = new io.jmultipath.checker.blockio.JdkBlockIo();
        DirectioChecker c = new DirectioChecker(jdk, new BoundedRunner("jdk-directio", 2));
        try (LoopDevice loop = LoopDevice.create(tmp, 1 << 20, List.of())) {
            DirectRead r = jdk.readFirstBlock(loop.dev);
            assertEquals(4096, r.bytesRead());
            assertEquals(CheckState.UP, Settle.check(c, handle(loop.dev)).state());
            loop.detach();
            assertEquals(CheckState.DOWN, Settle.check(c, handle(loop.dev)).state());
        }
        assertEquals(CheckState.DOWN, Settle.check(c, handle(tmp.resolve("missing"))).state());
    }
}
