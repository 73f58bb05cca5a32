package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.format.Formatter;
import io.jmultipath.daemon.topology.DmPathState;
import io.jmultipath.daemon.topology.MultipathMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path loss, return and failback, last-path loss with no_path_retry — on a manual clock. */
class EngineEndToEndTest {
    /** overrides: the built-in LIO-ORG device entry sets failback/no_path_retry itself. */
    static final String CONFIG = """
            defaults {
                find_multipaths greedy
                polling_interval 5
            }
            overrides {
                no_path_retry 3
                failback immediate
            }
            """;

    @Test
    void aCheckerJmultipathLacksIsReplacedByTurWithOneWarningPerPath(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("no_path_retry 3", "no_path_retry 3\n    path_checker emc_clariion"));
        h.engine.start();
        assertEquals(List.of("tur", "tur"), h.map().paths().stream().map(p -> p.checker()).toList());
        assertEquals("sda tur\nsdb tur\n", Formatter.paths(
                h.engine.snapshot().topology(), "%d %c", true));
    }

    @Test
    void startupCreatesTheMapAndAdoptsItOnRestart(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 2, 2, CONFIG);
        assertEquals("startup", h.engine.daemonState());
        h.engine.start();
        assertEquals("idle", h.engine.daemonState(), "between checker passes, as multipathd's show daemon");
        assertEquals(2, h.engine.snapshot().topology().maps().size());
        MultipathMap m = h.map();
        assertEquals(2, m.paths().size());
        assertTrue(h.dm.info(m.name()).isPresent(), "map exists in the emulated kernel");
        assertTrue(Formatter.topology(h.engine.snapshot().topology()).contains(m.name()));
        // setup_map's transport timeouts: fast_io_fail_tmo 5 became each iSCSI session's recovery_tmo
        for (int host : new int[] {2, 3}) {
            assertEquals("5", java.nio.file.Files.readString(
                    tmp.resolve("sys/class/iscsi_session/session" + host + "/recovery_tmo")).strip());
        }
    }

    @Test
    void pathLossFailsItWithinOneCheckAndReturnFailsBack(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG);
        h.engine.start();
        MultipathMap m = h.map();
        String name = m.name();
        String first = m.groups().get(0).paths().get(0).dev();
        String second = m.groups().get(1).paths().get(0).dev();
        h.advance(Duration.ofSeconds(30)); // settle: both paths checked UP, intervals backed off
        assertEquals(CheckState.UP, h.path(first).state());
        h.dm.submitIo(name, 4096);
        assertEquals(1, h.kernelStatus(name).currentPg());

        h.verdicts.put(first, CheckState.DOWN);
        int took = h.advanceUntil(() -> h.kernelFailed(name, first), h.engine.maxPollingInterval() + 1);
        assertTrue(took <= h.engine.maxPollingInterval(), "failed within one check interval, took " + took);
        assertEquals(DmPathState.FAILED, h.path(first).dmState());
        assertEquals(CheckState.DOWN, h.path(first).state());
        assertEquals(1, h.map().stats().pathFaults());
        h.dm.submitIo(name, 4096); // the kernel fails over to the second group on I/O
        assertEquals(2, h.kernelStatus(name).currentPg());
        assertTrue(h.path(second).state() == CheckState.UP);

        h.verdicts.remove(first);
        int back = h.advanceUntil(() -> !h.kernelFailed(name, first), h.engine.pollingInterval() + 1);
        assertTrue(back <= h.engine.pollingInterval(), "a failed path is re-checked every polling_interval");
        h.engine.runPending();
        assertEquals(1, h.kernelStatus(name).currentPg(), "failback immediate switched back to group 1");
        assertEquals(1, h.map().stats().switchGroup());
        assertEquals(CheckState.UP, h.path(first).state());
    }

    @Test
    void manualFailbackStaysOnTheSecondGroup(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("failback immediate", "failback manual"));
        h.engine.start();
        String name = h.map().name();
        String first = h.map().groups().get(0).paths().get(0).dev();
        h.dm.submitIo(name, 4096);
        h.verdicts.put(first, CheckState.DOWN);
        h.advanceUntil(() -> h.kernelFailed(name, first), 25);
        h.dm.submitIo(name, 4096);
        h.verdicts.remove(first);
        h.advanceUntil(() -> !h.kernelFailed(name, first), 10);
        h.advance(Duration.ofSeconds(10));
        assertEquals(0, h.map().stats().switchGroup(), "manual: the daemon never switches back");
        assertEquals("manual", Formatter.map(h.map(), "%F").strip());
    }

    @Test
    void deferredFailbackSwitchesAfterNSeconds(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("failback immediate", "failback 10"));
        h.engine.start();
        String name = h.map().name();
        String first = h.map().groups().get(0).paths().get(0).dev();
        h.dm.submitIo(name, 4096);
        h.verdicts.put(first, CheckState.DOWN);
        h.advanceUntil(() -> h.kernelFailed(name, first), 25);
        h.dm.submitIo(name, 4096);
        h.verdicts.remove(first);
        h.advanceUntil(() -> !h.kernelFailed(name, first), 10);
        int start = h.map().policy().failbackTick();
        assertTrue(start >= 9 && start <= 10, "deferred failback counting: " + start);
        int took = h.advanceUntil(() -> h.map().policy().failbackTick() == 0, 12);
        assertTrue(took >= 9 && took <= 10, "failback after ~10 s, took " + took);
    }

    @Test
    void lastPathLostWithNoPathRetry3StopsQueueingAfter3Intervals(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG);
        h.engine.start();
        String name = h.map().name();
        assertTrue(h.kernelQueueing(name), "no_path_retry 3 starts with queue_if_no_path: " + h.map().features());
        for (var p : h.map().paths()) {
            h.verdicts.put(p.dev(), CheckState.DOWN);
        }
        h.advanceUntil(() -> h.map().paths().stream().allMatch(p -> h.kernelFailed(name, p.dev())), 25);
        assertTrue(h.kernelQueueing(name), "queueing while in recovery");
        assertEquals("15 sec", Formatter.map(h.map(), "%Q").strip());
        h.advance(Duration.ofSeconds(14));
        assertTrue(h.kernelQueueing(name), "still queueing after 14 s");
        h.advance(Duration.ofSeconds(1));
        assertFalse(h.kernelQueueing(name), "queueing stopped after 3 x polling_interval = 15 s");
        assertEquals(1, h.map().stats().queueingTimeouts());
        assertEquals(15, h.map().stats().totalQueueingTime());

        h.verdicts.clear(); // a path returns: queueing restored
        h.advanceUntil(() -> h.kernelQueueing(name), 10);
        assertEquals("3 chk", Formatter.map(h.map(), "%Q").strip());
    }

    @Test
    void kernelSidePathFailureIsNoticedThroughDmEvents(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG);
        h.engine.start();
        String name = h.map().name();
        String first = h.map().groups().get(0).paths().get(0).dev();
        var fp = h.fakePaths.stream().filter(x -> x.dev().equals(first)).findFirst().orElseThrow();
        h.dm.setPathIoError(new io.jmultipath.dmctl.DevT(fp.major(), fp.minor()), true);
        h.dm.submitIo(name, 4096); // I/O error: the kernel fails the path itself
        assertTrue(h.kernelFailed(name, first));
        h.engine.onDmEvent();
        h.engine.runPending();
        assertEquals(DmPathState.FAILED, h.path(first).dmState());
        assertEquals(CheckState.DOWN, h.path(first).state());
        h.dm.setPathIoError(new io.jmultipath.dmctl.DevT(fp.major(), fp.minor()), false);
        h.advanceUntil(() -> !h.kernelFailed(name, first), 10); // the checker says UP: reinstated
    }

    @Test
    void shutdownDisablesQueueingUnlessQueueWithoutDaemon(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG);
        h.engine.start();
        String name = h.map().name();
        assertTrue(h.kernelQueueing(name));
        h.engine.shutdown();
        assertFalse(h.kernelQueueing(name), "queue_without_daemon no: queueing off when the daemon stops");
        assertEquals("shutdown", h.engine.snapshot().daemonState());
    }

    @Test
    void ueventStormCostsOneReconciliation(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 8, 2, CONFIG);
        for (var p : h.fakePaths) {
            h.writer.removePath(p);
        }
        h.engine.start();
        assertEquals(0, h.engine.snapshot().topology().maps().size());
        h.writer.write(h.fakePaths, true);
        long before = h.engine.reconciliations();
        java.util.List<io.jmultipath.daemon.uevent.Uevent> storm = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            var p = h.fakePaths.get(i % h.fakePaths.size());
            storm.add(io.jmultipath.daemon.uevent.Uevent.of("add", "/devices/x/block/" + p.dev(),
                    java.util.Map.of("SUBSYSTEM", "block", "DEVTYPE", "disk", "DEVNAME", p.dev(), "ID_SERIAL", p.lun().wwid()),
                    io.jmultipath.daemon.uevent.Uevent.Origin.KERNEL));
        }
        for (int i = 0; i < storm.size(); i += 1000) { // the listener hands over at most 1,000 per batch
            h.engine.offerUevents(storm.subList(i, i + 1000));
        }
        h.engine.runPending();
        assertEquals(1, h.engine.reconciliations() - before);
        assertEquals(8, h.engine.snapshot().topology().maps().size());
        assertEquals(10_000, h.engine.ueventsReceived());
        assertEquals(8, h.engine.ueventsServiced(), "one item per LUN after filter + merge");

        var gone = h.fakePaths.get(0);
        h.writer.removePath(gone);
        h.engine.offerUevents(java.util.List.of(io.jmultipath.daemon.uevent.Uevent.of("remove", "/devices/x/block/" + gone.dev(),
                java.util.Map.of("SUBSYSTEM", "block", "DEVTYPE", "disk", "DEVNAME", gone.dev()),
                io.jmultipath.daemon.uevent.Uevent.Origin.KERNEL)));
        h.engine.runPending();
        assertTrue(h.engine.snapshot().topology().path(gone.dev()).isEmpty(), "removed path is gone");
        assertEquals(8, h.engine.snapshot().topology().maps().size(), "its map keeps the other path");
    }

    @Test
    void noPathRetryFailStopsQueueingAtOnce(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("no_path_retry 3", "no_path_retry fail"));
        h.engine.start();
        String name = h.map().name();
        assertFalse(h.kernelQueueing(name));
        for (var p : h.map().paths()) {
            h.verdicts.put(p.dev(), CheckState.DOWN);
        }
        h.advanceUntil(() -> h.map().paths().stream().allMatch(p -> h.kernelFailed(name, p.dev())), 25);
        assertFalse(h.kernelQueueing(name));
        assertEquals("off", Formatter.map(h.map(), "%Q").strip());
    }

    @Test
    void noPathRetryQueueQueuesForever(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("no_path_retry 3", "no_path_retry queue"));
        h.engine.start();
        String name = h.map().name();
        for (var p : h.map().paths()) {
            h.verdicts.put(p.dev(), CheckState.DOWN);
        }
        h.advanceUntil(() -> h.map().paths().stream().allMatch(p -> h.kernelFailed(name, p.dev())), 25);
        h.advance(Duration.ofSeconds(120));
        assertTrue(h.kernelQueueing(name));
        assertEquals("on", Formatter.map(h.map(), "%Q").strip());
    }

    @Test
    void followoverFailsBackOnlyWhenTheBetterGroupNewlyComesUp(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("failback immediate", "failback followover"));
        h.engine.start();
        String name = h.map().name();
        String first = h.map().groups().get(0).paths().get(0).dev();
        h.dm.submitIo(name, 4096);
        h.verdicts.put(first, CheckState.DOWN);
        h.advanceUntil(() -> h.kernelFailed(name, first), 25);
        h.dm.submitIo(name, 4096);
        assertEquals(2, h.kernelStatus(name).currentPg());
        h.verdicts.remove(first);
        h.advanceUntil(() -> !h.kernelFailed(name, first), 10);
        assertEquals("followover", Formatter.map(h.map(), "%F").strip());
        assertEquals(CheckState.UP, h.path(first).state());
    }
}
