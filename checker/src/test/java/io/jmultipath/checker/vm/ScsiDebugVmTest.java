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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            if (d.host() % 3 == 2) {
                // scsi_debug only reports standby in RTPG; it answers TEST UNIT READY with GOOD in every state
                // (Debian's multipathd shows this path "ready" too). GHOST is shown against LIO: LioAluaVmTest.
                assertEquals(CheckState.UP, settle(Checkers.create("tur", sg), d.handle()).state(), d.hctl());
            }
        }
        assertTrue(disks.stream().map(d -> d.host() % 3).distinct().count() >= Math.min(3, disks.size()),
            "expected disks on 3 hosts (add_host=3): " + seen);
    }

    @Test
    void slowPathTimesOutWhileOtherPathsKeepTheirSchedule() throws Exception {
        // checker_timeout 300 ms on the slow path; scsi_debug answers every command after 0.9 s (ndelay): the
        // TUR is still running when it is re-checked past its 300 ms deadline (TIMEOUT), yet completes well
        // inside the kernel's SG_IO timeout (raised to at least 7 s), so no SCSI error handling runs and the
        // queue drains within a second once the checks stop (a delay of tens of seconds in jiffies keeps
        // scsi_debug busy, and its delay/ndelay attributes EBUSY, for minutes)
        ScsiDebugDisks.Disk d = ScsiDebugDisks.find(Duration.ofMillis(300)).get(0);
        Path delay = ScsiDebugDisks.DRIVER.resolve("delay");
        Path ndelay = ScsiDebugDisks.DRIVER.resolve("ndelay");
        assumeTrue(Files.isWritable(ndelay), "scsi_debug ndelay attribute not writable");
        String oldDelay = ScsiDebugDisks.read(delay);
        // the other paths: a real SCSI disk on another host (LIO over tcm_loop, checked by tur; scsi_debug's
        // delay is global to all its hosts) and 'none' checkers on fake sysfs dirs
        Path fakeDev = Files.createDirectories(tmp.resolve("device"));
        Files.writeString(fakeDev.resolve("state"), "running\n");
        Map<String, List<Long>> times = new HashMap<>();
        List<CheckResult> slow = new ArrayList<>();
        List<CheckResult> lioResults = new ArrayList<>();
        ExecutorService exec = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        CheckScheduler s = new CheckScheduler(System::nanoTime, exec, 2, (id, r) -> {
            synchronized (times) {
                times.computeIfAbsent(id, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1_000_000);
                if (id.equals("slow")) {
                    slow.add(r);
                } else if (id.equals("lio")) {
                    lioResults.add(r);
                }
            }
        }, new SchedulerOptions(Duration.ofMillis(200), Duration.ofMillis(500)));   // pending re-checked after 200 ms
        PathChecker tur = Checkers.create("tur", SgIos.kernel());
        try (LioLoopback lio = LioLoopback.create(tmp)) {
            try {
                writeRetrying(ndelay, "900000000");
                s.register("slow", d.handle(), tur,
                    new CheckScheduler.Intervals(Duration.ofSeconds(2), Duration.ofSeconds(2)), "slowmap");
                s.register("lio", lio.handle(Duration.ofSeconds(1)), tur,
                    new CheckScheduler.Intervals(Duration.ofSeconds(1), Duration.ofSeconds(1)), "liomap");
                for (int i = 0; i < 2; i++) {
                    PathHandle h = new PathHandle("fake" + i, Path.of("/dev/null"), 1, 3, fakeDev, Duration.ofSeconds(1));
                    s.register("other" + i, h, Checkers.create("none", null),
                        new CheckScheduler.Intervals(Duration.ofSeconds(1), Duration.ofSeconds(1)), "map" + i);
                }
                long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
                while (System.nanoTime() < end) {
                    long next = s.tick(System.nanoTime());
                    LockSupport.parkNanos(Math.max(0, Math.min(next, end) - System.nanoTime()));
                }
            } finally {
                exec.shutdownNow();
                writeRetrying(ndelay, "0");                 // back to the delay in jiffies
                writeRetrying(delay, oldDelay.isEmpty() ? "1" : oldDelay);
                // error handling of the timed-out commands may have offlined the device: put it back
                Path state = d.handle().sysfsDevice().resolve("state");
                if (!"running".equals(ScsiDebugDisks.read(state))) {
                    ScsiDebugDisks.write(state, "running");
                }
            }
        }
        synchronized (times) {
            assertTrue(slow.stream().anyMatch(r -> r.state() == CheckState.TIMEOUT), "slow path results " + slow);
            assertEquals("tur checker timed out", slow.stream().filter(r -> r.state() == CheckState.TIMEOUT)
                .findFirst().orElseThrow().message());
            // 1 s interval for 8 s: the LIO path is checked on schedule and stays up despite the hung TUR
            List<Long> lioTimes = times.getOrDefault("lio", List.of());
            assertTrue(lioTimes.size() >= 6, "lio checked at " + lioTimes + " ms");
            assertTrue(lioResults.stream().allMatch(r -> r.state() == CheckState.UP
                || r.state() == CheckState.PENDING && r.message().endsWith(" still running")), "lio results " + lioResults);
            assertTrue(lioResults.stream().filter(r -> r.state() == CheckState.UP).count() >= 5, "lio results " + lioResults);
            for (int i = 1; i < lioTimes.size(); i++) {
                assertTrue(lioTimes.get(i) - lioTimes.get(i - 1) <= 2500, "lio check gap at " + lioTimes);
            }
            for (int i = 0; i < 2; i++) {
                assertTrue(times.getOrDefault("other" + i, List.of()).size() >= 6, "other" + i + " " + times);
            }
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
