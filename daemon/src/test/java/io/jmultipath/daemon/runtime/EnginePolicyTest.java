package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.format.Formatter;
import io.jmultipath.daemon.server.CliParser;
import io.jmultipath.daemon.server.Reply;
import io.jmultipath.daemon.topology.DmPathState;
import io.jmultipath.daemon.uevent.Uevent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failback and queueing policies end to end on a manual clock (fake sysfs, emulated kernel,
 * scripted checker verdicts, replayed uevents), and the counters of {@code show maps stats}.
 */
class EnginePolicyTest {
    static final String CONFIG = EngineEndToEndTest.CONFIG;

    /** Runs a CLI write command on the engine as the owner thread would. */
    private static String cli(Harness h, String cmd) throws Exception {
        Reply r = new WriteCommands(h.engine, new DaemonControl() {
            @Override
            public Reply reconfigure(boolean all) {
                return Reply.fail("not in this test");
            }

            @Override
            public void shutdown() {
            }
        }).handle(CliParser.parse(cmd));
        h.engine.publishIfDirty();
        return r.wireText();
    }

    private static String stats(Harness h) {
        return Formatter.map(h.map(), "%0 %1 %2 %3 %4 %x").strip();
    }

    private static String dev(Harness h, int group, int path) {
        return h.map().groups().get(group).paths().get(path).dev();
    }

    private static Uevent remove(FakePath p) {
        return Uevent.of("remove", "/devices/x/block/" + p.dev(),
                Map.of("SUBSYSTEM", "block", "DEVTYPE", "disk", "DEVNAME", p.dev()), Uevent.Origin.KERNEL);
    }

    @Test
    void deferredFailbackSwitchesBackAfterExactlyNSeconds(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("failback immediate", "failback 10"));
        h.engine.start();
        String name = h.map().name();
        String first = dev(h, 0, 0);
        h.dm.submitIo(name, 4096);
        h.verdicts.put(first, CheckState.DOWN);
        h.advanceUntil(() -> h.kernelFailed(name, first), 25);
        h.dm.submitIo(name, 4096);
        assertEquals(2, h.kernelStatus(name).currentPg());
        h.verdicts.remove(first);
        h.advanceUntil(() -> !h.kernelFailed(name, first), 10);
        h.advance(Duration.ofSeconds(8));
        assertEquals(2, h.kernelStatus(name).currentPg(), "not yet after 8 s");
        assertEquals(0, h.map().stats().switchGroup());
        h.advance(Duration.ofSeconds(2));
        assertEquals(1, h.kernelStatus(name).currentPg(), "failed back after 10 s");
        assertEquals(1, h.map().stats().switchGroup());
        assertEquals("deferred:10", Formatter.map(h.map(), "%F").strip().replaceAll("\\s", ""));
    }

    @Test
    void followoverFailsBackWhenTheBetterGroupComesBackFromAllDown(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 4, CONFIG.replace("failback immediate", "failback followover"));
        h.engine.start();
        String name = h.map().name();
        assertEquals(2, h.map().groups().get(0).paths().size());
        String a = dev(h, 0, 0);
        String b = dev(h, 0, 1);
        h.dm.submitIo(name, 4096);
        h.verdicts.put(a, CheckState.DOWN);
        h.verdicts.put(b, CheckState.DOWN);
        h.advanceUntil(() -> h.kernelFailed(name, a) && h.kernelFailed(name, b), 25);
        h.dm.submitIo(name, 4096);
        assertEquals(2, h.kernelStatus(name).currentPg());
        h.verdicts.remove(a); // a path of the better group newly comes up, its peer is still down
        h.advanceUntil(() -> !h.kernelFailed(name, a), 10);
        assertEquals(1, h.kernelStatus(name).currentPg(), "followover: failed back");
        assertEquals(1, h.map().stats().switchGroup());
    }

    /** The ping-pong followover prevents: the better group never lost all paths, so no failback. */
    @Test
    void followoverStaysWhileTheBetterGroupKeptAPath(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 4, CONFIG.replace("failback immediate", "failback followover"));
        h.engine.start();
        String name = h.map().name();
        String a = dev(h, 0, 0);
        h.advance(Duration.ofSeconds(25));
        assertEquals("ok\n", cli(h, "switchgroup map " + name + " group 2"), "another node moved I/O to group 2");
        h.dm.submitIo(name, 4096);
        assertEquals(2, h.kernelStatus(name).currentPg());
        h.verdicts.put(a, CheckState.DOWN);
        h.advanceUntil(() -> h.kernelFailed(name, a), 25);
        h.verdicts.remove(a);
        h.advanceUntil(() -> !h.kernelFailed(name, a), 10);
        h.advance(Duration.ofSeconds(10));
        assertEquals(2, h.kernelStatus(name).currentPg(), "followover: no failback");
        assertEquals(0, h.map().stats().switchGroup(), "an operator switch is not counted");
    }

    @Test
    void immediateFailbackOnTheSameEvent(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 4, CONFIG);
        h.engine.start();
        String name = h.map().name();
        String a = dev(h, 0, 0);
        h.advance(Duration.ofSeconds(25));
        assertEquals("ok\n", cli(h, "switchgroup map " + name + " group 2"));
        h.dm.submitIo(name, 4096);
        h.verdicts.put(a, CheckState.DOWN);
        h.advanceUntil(() -> h.kernelFailed(name, a), 25);
        h.verdicts.remove(a);
        h.advanceUntil(() -> !h.kernelFailed(name, a), 10);
        assertEquals(1, h.kernelStatus(name).currentPg(), "immediate: back to the best group when a path returns");
        assertEquals(1, h.map().stats().switchGroup());
    }

    /** disablequeueing stops the recovery countdown at once; restorequeueing starts it again. */
    @Test
    void disableAndRestoreQueueingDuringRecovery(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG);
        h.engine.start();
        String name = h.map().name();
        h.map().paths().forEach(p -> h.verdicts.put(p.dev(), CheckState.DOWN));
        h.advanceUntil(() -> h.map().paths().stream().allMatch(p -> h.kernelFailed(name, p.dev())), 25);
        h.advance(Duration.ofSeconds(4));
        assertTrue(h.kernelQueueing(name));
        assertEquals("ok\n", cli(h, "disablequeueing map " + name));
        assertFalse(h.kernelQueueing(name), "queueing off at once");
        assertEquals("off", Formatter.map(h.map(), "%Q").strip());
        assertEquals(1, h.map().stats().mapFailures(), "disabled with no active path: a map failure");
        h.advance(Duration.ofSeconds(30));
        assertFalse(h.kernelQueueing(name), "stays off");
        assertEquals("ok\n", cli(h, "restorequeueing map " + name));
        assertTrue(h.kernelQueueing(name), "queueing again");
        assertEquals("15 sec", Formatter.map(h.map(), "%Q").strip(), "recovery restarted: 3 x 5 s");
        h.advance(Duration.ofSeconds(15));
        assertFalse(h.kernelQueueing(name), "no_path_retry applies again");
        assertEquals("ok\n", cli(h, "disablequeueing maps"));
        assertEquals("ok\n", cli(h, "restorequeueing maps"));
        assertEquals("fail\n", cli(h, "disablequeueing map nosuchmap"));
    }

    /** show maps stats after a path fault, a lost map and its queueing timeout. */
    @Test
    void mapsStatsCounters(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG);
        h.engine.start();
        String name = h.map().name();
        assertEquals("0 0 1 0 0 0", stats(h), "path_faults switch_grp map_loads total_q_time q_timeouts failures");
        h.map().paths().forEach(p -> h.verdicts.put(p.dev(), CheckState.DOWN));
        h.advanceUntil(() -> h.map().paths().stream().allMatch(p -> h.kernelFailed(name, p.dev())), 25);
        h.advance(Duration.ofSeconds(16));
        assertFalse(h.kernelQueueing(name));
        // q_timeouts counts recoveries started (multipathd's quirk), failures the queueing stops
        assertEquals("2 0 1 15 1 1", stats(h));
        String table = Formatter.maps(h.engine.snapshot().topology(), Formatter.MAPS_STATS_FORMAT, false);
        assertEquals("name" + " ".repeat(name.length() - 4) + " path_faults switch_grp map_loads total_q_time q_timeouts",
                table.lines().findFirst().orElseThrow().stripTrailing());
        assertEquals("ok\n", cli(h, "reset map " + name + " stats"));
        assertEquals("0 0 0 0 0 0", stats(h));
    }

    /** flush_on_last_del: the last path goes while the map is open: queueing stops, the map stays. */
    @Test
    void flushOnLastDelDisablesQueueingWhenTheMapCannotBeFlushed(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("overrides {", "overrides {\n    flush_on_last_del yes"));
        h.engine.start();
        String name = h.map().name();
        assertTrue(h.kernelQueueing(name));
        h.dm.setOpenCount(name, 1);
        for (FakePath p : h.fakePaths) {
            h.writer.removePath(p);
        }
        h.engine.offerUevents(h.fakePaths.stream().map(EnginePolicyTest::remove).toList());
        h.engine.runPending();
        assertTrue(h.dm.info(name).isPresent(), "in use: not removed");
        assertFalse(h.kernelQueueing(name), "flush_on_last_del: queueing disabled");
        assertEquals(1, h.engine.snapshot().topology().maps().size(), "still shown, without paths");
        assertEquals(1, h.map().stats().mapFailures());
        h.dm.setOpenCount(name, 0);
        assertEquals("ok\n", cli(h, "reload map " + name));
        assertTrue(h.dm.info(name).isEmpty(), "flushed once closed");
        assertTrue(h.engine.snapshot().topology().maps().isEmpty());
    }

    @Test
    void withoutFlushOnLastDelAnOpenMapKeepsQueueing(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("overrides {", "overrides {\n    flush_on_last_del no"));
        h.engine.start();
        String name = h.map().name();
        h.dm.setOpenCount(name, 1);
        for (FakePath p : h.fakePaths) {
            h.writer.removePath(p);
        }
        h.engine.offerUevents(h.fakePaths.stream().map(EnginePolicyTest::remove).toList());
        h.engine.runPending();
        assertTrue(h.dm.info(name).isPresent());
        assertTrue(h.kernelQueueing(name), "no flush_on_last_del: I/O keeps queueing");
    }

    @Test
    void queueWithoutDaemonAndForcequeueing(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG.replace("defaults {", "defaults {\n    queue_without_daemon yes"));
        h.engine.start();
        String name = h.map().name();
        h.engine.shutdown();
        assertTrue(h.kernelQueueing(name), "queue_without_daemon yes: maps keep queueing when the daemon stops");

        Harness g = new Harness(tmp.resolve("g"), 1, 2, CONFIG);
        g.engine.start();
        String gname = g.map().name();
        assertEquals("ok\n", cli(g, "forcequeueing daemon"));
        assertEquals("ok\n", cli(g, "restorequeueing daemon"));
        assertEquals("ok\n", cli(g, "forcequeueing daemon"));
        g.engine.shutdown();
        assertTrue(g.kernelQueueing(gname), "forcequeueing daemon overrides queue_without_daemon no");
    }

    /** path_offline: a SCSI device whose sysfs state is offline is down without checker I/O. */
    @Test
    void sysfsOfflineFailsThePathWithoutTheChecker(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG);
        h.engine.start();
        String name = h.map().name();
        FakePath fp = h.fakePaths.stream().filter(p -> p.dev().equals(dev(h, 0, 0))).findFirst().orElseThrow();
        h.writer.setState(fp, "offline");
        int took = h.advanceUntil(() -> h.kernelFailed(name, fp.dev()), h.engine.maxPollingInterval() + 1);
        assertTrue(took <= h.engine.maxPollingInterval(), "within one check, took " + took);
        assertEquals(DmPathState.FAILED, h.path(fp.dev()).dmState());
        assertEquals("offline", Formatter.path(h.path(fp.dev()), "%o").strip());
        h.writer.setState(fp, "running");
        h.advanceUntil(() -> !h.kernelFailed(name, fp.dev()), h.engine.pollingInterval() + 1);
        assertEquals(CheckState.UP, h.path(fp.dev()).state());
    }

    /** A map removed behind the daemon's back (dmsetup remove) is forgotten until "add map". */
    @Test
    void externallyRemovedMapIsForgottenUntilAddMap(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG);
        h.engine.start();
        String name = h.map().name();
        String wwid = h.map().wwid();
        h.dm.remove(name, false);
        h.engine.onDmEvent();
        h.engine.runPending();
        assertTrue(h.engine.snapshot().topology().maps().isEmpty());
        assertTrue(h.engine.snapshot().topology().paths().stream().allMatch(p -> p.mapName().isEmpty()), "paths orphaned");
        h.advance(Duration.ofSeconds(10));
        assertTrue(h.dm.info(name).isEmpty(), "not recreated on its own");
        assertEquals("ok\n", cli(h, "add map " + wwid));
        assertTrue(h.dm.info(name).isPresent());
        assertEquals(1, h.engine.snapshot().topology().maps().size());
    }

    /** Operator fail/reinstate: the checker stays off until reinstate, then confirms the path. */
    @Test
    void operatorFailHoldsUntilReinstate(@TempDir Path tmp) throws Exception {
        Harness h = new Harness(tmp, 1, 2, CONFIG);
        h.engine.start();
        String name = h.map().name();
        String a = dev(h, 0, 0);
        assertEquals("ok\n", cli(h, "fail path " + a));
        assertTrue(h.kernelFailed(name, a));
        assertEquals(CheckState.DOWN, h.path(a).state(), "marked failed as the dm event would");
        h.advance(Duration.ofSeconds(40));
        assertTrue(h.kernelFailed(name, a), "the (healthy) checker does not reinstate a path the operator failed");
        assertEquals("ok\n", cli(h, "reinstate path " + a));
        assertFalse(h.kernelFailed(name, a));
        h.advanceUntil(() -> h.path(a).state() == CheckState.UP, 2);
        assertEquals("fail\n", cli(h, "fail path sdzz"));
        assertEquals(List.of(), h.engine.manuallyFailed.stream().toList());
    }
}
