package io.jmultipath.checker.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.Checkers;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.Prioritizers;
import io.jmultipath.checker.scsi.Alua;
import io.jmultipath.checker.scsi.AluaInfo;
import io.jmultipath.checker.scsi.SgIo;
import io.jmultipath.checker.scsi.SgIos;
import io.jmultipath.checker.schedule.CheckScheduler;
import io.jmultipath.checker.schedule.SchedulerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real SG_IO against scsi_debug in the QEMU guest. Expects
 * {@code modprobe scsi_debug add_host=3 vpd_use_hostno=0} (ALUA state = SCSI host number mod 3).
 */
@Tag("vm")
class ScsiDebugVmTest {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    @Test
    void turIsUpOnARunningPathAndDownWhenOffline() throws Exception {
        SgIo sg = SgIos.kernel();
        PathChecker tur = Checkers.create("tur", sg);
        ScsiDebugDisks.Disk d = ScsiDebugDisks.find(TIMEOUT).get(0);
        Path state = d.handle().sysfsDevice().resolve("state");
        assertEquals("running", ScsiDebugDisks.read(state), "precondition: " + d.hctl() + " running");
        CheckResult up = settle(tur, d.handle());
        assertEquals(CheckState.UP, up.state(), up.toString());
        assertEquals("tur checker reports path is up", up.message());
        assertEquals(CheckState.UP, settle(Checkers.create("readsector0", sg), d.handle()).state());
        assertEquals(CheckState.UP, settle(Checkers.create("directio", sg), d.handle()).state());
        assertEquals(CheckState.UP, settle(Checkers.create("none", sg), d.handle()).state());
        try {
            ScsiDebugDisks.write(state, "offline");
            CheckResult down = settle(tur, d.handle());
            assertEquals(CheckState.DOWN, down.state(), down.toString());
            assertEquals(CheckState.DOWN, settle(Checkers.create("none", sg), d.handle()).state());
        } finally {
            ScsiDebugDisks.write(state, "running");
        }
        assertEquals(CheckState.UP, settle(tur, d.handle()).state());
    }

    @Test
    void aluaPrioritiesFollowHostNumberModThree() throws Exception {
        SgIo sg = SgIos.kernel();
        List<ScsiDebugDisks.Disk> disks = ScsiDebugDisks.find(TIMEOUT);
        assumeTrue(Files.exists(ScsiDebugDisks.DRIVER.resolve("vpd_use_hostno"))
                && "0".equals(ScsiDebugDisks.read(ScsiDebugDisks.DRIVER.resolve("vpd_use_hostno"))),
            "scsi_debug must be loaded with vpd_use_hostno=0 for per-host ALUA states");
        int[] expectedByMod = {50, 10, 1};
        List<String> seen = new ArrayList<>();
        for (ScsiDebugDisks.Disk d : disks) {
            AluaInfo info = Alua.inquire(sg, d.handle().devNode(), TIMEOUT);
            assertTrue(info.supportsAlua(), d.hctl() + " TPGS " + info);
            assertEquals(((d.host() + 1) & 0x7f) << 8, info.tpgId().orElseThrow(), d.hctl() + " tpg id");
            int prio = Prioritizers.create("alua", sg).priority(d.handle(), "");
            assertEquals(expectedByMod[d.host() % 3], prio, d.hctl());
            seen.add(d.hctl() + "=" + prio);
        }
        assertTrue(disks.stream().map(d -> d.host() % 3).distinct().count() >= Math.min(3, disks.size()),
            "expected disks on 3 hosts (add_host=3): " + seen);
    }

    @Test
    void slowPathTimesOutWhileOtherPathsKeepTheirSchedule() throws Exception {
        ScsiDebugDisks.Disk d = ScsiDebugDisks.find(Duration.ofSeconds(1)).get(0);
        Path delay = ScsiDebugDisks.DRIVER.resolve("delay");
        assumeTrue(Files.isWritable(delay), "scsi_debug delay attribute not writable");
        String oldDelay = ScsiDebugDisks.read(delay);
        // other paths: 'none' checker on fake sysfs dirs (scsi_debug's delay is global, so they are not scsi_debug)
        Path fakeDev = Files.createDirectories(tmp.resolve("device"));
        Files.writeString(fakeDev.resolve("state"), "running\n");
        List<CheckResult> slow = new ArrayList<>();
        List<Long> otherTimes = new ArrayList<>();
        ExecutorService exec = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        CheckScheduler s = new CheckScheduler(System::nanoTime, exec, 2, (id, r) -> {
            synchronized (slow) {
                if (id.equals("slow")) {
                    slow.add(r);
                } else {
                    otherTimes.add(System.nanoTime() - t0);
                }
            }
        }, new SchedulerOptions(Duration.ofSeconds(1), Duration.ofMillis(500)));
        try {
            writeRetrying(delay, "10000");            // 10000 jiffies >= 10 s at any HZ <= 1000
            s.register("slow", d.handle(), Checkers.create("tur", SgIos.kernel()),
                new CheckScheduler.Intervals(Duration.ofSeconds(2), Duration.ofSeconds(2)), "slowmap");
            for (int i = 0; i < 3; i++) {
                PathHandle h = new PathHandle("fake" + i, Path.of("/dev/null"), 1, 3, fakeDev, Duration.ofSeconds(1));
                s.register("other" + i, h, Checkers.create("none", null),
                    new CheckScheduler.Intervals(Duration.ofSeconds(1), Duration.ofSeconds(1)), "map" + i);
            }
            long end = t0 + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < end) {
                long next = s.tick(System.nanoTime());
                LockSupport.parkNanos(Math.max(0, Math.min(next, end) - System.nanoTime()));
            }
        } finally {
            writeRetrying(delay, oldDelay.isEmpty() ? "1" : oldDelay);
            exec.shutdownNow();
            // error handling of the timed-out commands may have offlined the device: put it back
            Path state = d.handle().sysfsDevice().resolve("state");
            if (!"running".equals(ScsiDebugDisks.read(state))) {
                ScsiDebugDisks.write(state, "running");
            }
        }
        synchronized (slow) {
            assertTrue(slow.stream().anyMatch(r -> r.state() == CheckState.TIMEOUT), "slow path results " + slow);
            // 3 paths checked every second for 8 s: about 24 checks despite the hung TUR
            assertTrue(otherTimes.size() >= 18, "other paths checked " + otherTimes.size() + " times: " + otherTimes);
        }
    }

    static void writeRetrying(Path f, String v) throws Exception {
        Exception last = null;
        for (int i = 0; i < 150; i++) {      // up to 30 s: delayed commands must drain first
            try {
                ScsiDebugDisks.write(f, v);
                return;
            } catch (java.io.IOException e) {      // EBUSY while commands are queued
                last = e;
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        throw last;
    }

    /** Re-checks while the I/O is still outstanding (PENDING "still running"/"waiting on aio"), as the scheduler would. */
    static CheckResult settle(PathChecker c, PathHandle h) {
        long end = System.nanoTime() + 2 * h.timeout().toNanos();
        CheckResult r = c.check(h);
        while (r.state() == CheckState.PENDING && System.nanoTime() < end
            && (r.message().endsWith(" still running") || r.message().endsWith(" is waiting on aio"))) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            r = c.check(h);
        }
        return r;
    }
}
