package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.client.CliClient;
import io.jmultipath.daemon.systemd.SdNotify;
import io.jmultipath.daemon.uevent.ReplayUeventSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole daemon (engine + CLI server) on a simulated SAN, driven through the socket. */
class DaemonCliTest {
    @TempDir
    Path tmp;
    private Daemon daemon;
    private Harness h;

    private String start(List<String> sockets) throws Exception {
        return start(sockets, EngineEndToEndTest.CONFIG);
    }

    private String start(List<String> sockets, String config) throws Exception {
        h = new Harness(tmp, 2, 2, config);
        daemon = new Daemon(h.engine, new ConfigSource(Optional.empty(), h.root), new ReplayUeventSource(),
                SdNotify.none(), sockets);
        daemon.start();
        return sockets.get(0);
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private static String ask(String socket, String cmd) throws IOException {
        try (CliClient c = CliClient.connect(List.of(socket))) {
            return c.execute(cmd, Duration.ofSeconds(10));
        }
    }

    @Test
    void showFailReinstateReconfigureOverTheSocket() throws Exception {
        String sock = start(List.of(tmp.resolve("jmultipathd.socket").toString()));
        String paths = ask(sock, "show paths");
        assertTrue(paths.startsWith("hcil    dev dev_t pri dm_st  chk_st dev_st  next_check"), paths);
        assertEquals(5, paths.lines().count(), paths);
        String topo = ask(sock, "show topology");
        assertTrue(topo.contains("policy='service-time 0' prio=50"), topo);
        assertFalse(topo.contains("create:"), "no action prefix in show topology");
        String name = h.map().name();
        String dev = h.map().groups().get(0).paths().get(0).dev();

        assertEquals("ok\n", ask(sock, "fail path " + dev));
        assertTrue(h.kernelFailed(name, dev));
        assertTrue(ask(sock, "show paths format \"%d %t\"").contains(dev + " failed"));
        assertEquals("fail\n", ask(sock, "fail path sdzz"));
        assertEquals("ok\n", ask(sock, "reinstate path /dev/" + dev));
        assertFalse(h.kernelFailed(name, dev));
        String stats = ask(sock, "show maps stats");
        assertTrue(stats.startsWith("name"), stats);
        assertTrue(stats.lines().anyMatch(l -> l.startsWith(name) && l.split("\\s+")[1].equals("1")), stats);
        assertEquals("ok\n", ask(sock, "reset maps stats"));

        assertEquals("ok\n", ask(sock, "disablequeueing map " + name));
        assertFalse(h.kernelQueueing(name));
        assertEquals("ok\n", ask(sock, "restorequeueing map " + name));
        assertTrue(h.kernelQueueing(name));
        assertEquals("ok\n", ask(sock, "switchgroup map " + name + " group 2"));
        assertEquals("fail\n", ask(sock, "switchgroup map " + name + " group 7"), "the kernel refuses group 7");

        assertTrue(ask(sock, "show daemon").matches("pid \\d+ (idle|running)\n"));
        assertTrue(ask(sock, "show status").contains("paths: 4"));
        assertTrue(ask(sock, "show config").contains("defaults {"));
        assertTrue(ask(sock, "show maps json").contains("\"major_version\": 0"));
        assertEquals("fail\n", ask(sock, "sh paths"), "ENOENT: 'sh' is ambiguous and not the last word");
        assertTrue(ask(sock, "show pa").startsWith("show pa: not found\nmultipath-tools v0.9.4"));
        assertEquals("0", ask(sock, "getprstatus map " + name));
        assertEquals("ok\n", ask(sock, "setprstatus map " + name));
        assertEquals("1", ask(sock, "getprstatus map " + name));
        assertEquals("none\n", ask(sock, "getprkey map " + name));
        assertEquals("fail\n", ask(sock, "setprkey map " + name + " key 0x12"), "reservation_key is not \"file\"");
        assertEquals("ok\n", ask(sock, "setmarginal path " + dev));
        assertTrue(ask(sock, "show paths raw format \"%d %M\"").contains(dev + " marginal"));
        assertEquals("ok\n", ask(sock, "unsetmarginal path " + dev));

        Files.writeString(h.root.multipathConf(), "defaults {\n  polling_interval 5\n"); // unbalanced
        String r = ask(sock, "reconfigure");
        assertEquals("fail\n", r);
        assertTrue(ask(sock, "show topology").contains(name), "old configuration kept, still serving");
        Files.writeString(h.root.multipathConf(), EngineEndToEndTest.CONFIG);
        assertEquals("ok\n", ask(sock, "reconfigure"));
    }

    /** The read commands of §2.3 through the socket. */
    @Test
    void everyShowCommand() throws Exception {
        String sock = start(List.of(tmp.resolve("s").toString()));
        String name = h.map().name();
        String wwid = h.map().wwid();
        String dev = h.map().groups().get(0).paths().get(0).dev();
        assertEquals("running\n", ask(sock, "show path " + dev));
        assertEquals("fail\n", ask(sock, "show path sdzz"));
        assertTrue(ask(sock, "show maps").lines().anyMatch(l -> l.matches(name + " +dm-\\d+ +" + wwid + " *")));
        assertTrue(ask(sock, "show maps status").startsWith("name"));
        assertTrue(ask(sock, "show maps format \"%n %N\"").lines().anyMatch(l -> l.matches(name + " +2 *")));
        assertEquals(name + " 2\n", ask(sock, "show map " + name + " raw format \"%n %N\""));
        assertEquals(h.map().paths().size() + 0L, ask(sock, "show paths raw format %d").lines().filter(l -> !l.isBlank())
                .filter(l -> h.map().paths().stream().anyMatch(p -> p.dev().equals(l.strip()))).count());
        assertEquals(ask(sock, "show topology"), ask(sock, "show maps topology"));
        String first = name.equals(wwid) ? name + " dm-" : name + " (" + wwid + ") dm-";
        assertTrue(ask(sock, "show map " + wwid + " topology").startsWith(first), "map by WWID");
        assertTrue(ask(sock, "show map dm-" + h.map().dm().orElseThrow().minor() + " topology").startsWith(first), "map by dm-N");
        String json = ask(sock, "show map " + name + " json");
        assertTrue(json.startsWith("{\n   \"major_version\": 0,\n   \"minor_version\": 1,\n   \"map\":"), json);
        assertTrue(ask(sock, "show maps json").contains("\"maps\": ["));
        assertEquals("fail\n", ask(sock, "show map nosuch json"));
        String status = ask(sock, "show status");
        assertTrue(status.startsWith("path checker states:\nup                  4\n\npaths: 4\nbusy: False\n"), status);
        assertTrue(ask(sock, "show daemon").matches("pid \\d+ (idle|running)\n"));
        assertTrue(ask(sock, "show blacklist").startsWith("device node rules:\n- blacklist:\n"));
        String devices = ask(sock, "show devices");
        assertTrue(devices.startsWith("available block devices:\n"), devices);
        assertTrue(devices.contains("    " + dev + "  devnode whitelisted, monitored\n"), devices);
        assertTrue(ask(sock, "show wildcards").startsWith("multipath format wildcards:\n"));
        String local = ask(sock, "show config local");
        assertTrue(local.contains("multipaths {") && local.contains(wwid), local);
        assertTrue(local.contains("vendor \"(LIO-ORG|SUSE)\""), "only the device entries in use: " + local);
        assertFalse(local.contains("\"NETAPP\""), local);
        assertTrue(ask(sock, "show config").contains("\"NETAPP\""), "show config has the whole hwtable");
        assertTrue(ask(sock, "show config").contains("retrigger_tries 3"), "the daemon's values, not multipath -t's");
    }

    @Test
    void delMapAndAddMap() throws Exception {
        String sock = start(List.of(tmp.resolve("s").toString()));
        String name = h.map().name();
        h.dm.setOpenCount(name, 1);
        assertEquals("fail\n", ask(sock, "del map " + name), "map or partition in use");
        h.dm.setOpenCount(name, 0);
        assertEquals("ok\n", ask(sock, "del map " + name));
        assertTrue(h.dm.info(name).isEmpty());
        assertFalse(ask(sock, "show maps").contains(name));
        assertEquals("ok\n", ask(sock, "add map " + h.fakePaths.get(0).lun().wwid()));
        assertTrue(ask(sock, "show maps").contains(name));
    }


    /** cli_resize: every path must report the new size; a disagreeing path leaves the map alone. */
    @Test
    void resizeMapFollowsThePathsOnlyWhenTheyAgree() throws Exception {
        String sock = start(List.of(tmp.resolve("s").toString()));
        assertTrue(ask(sock, "show maps").lines().count() > 1);
        io.jmultipath.daemon.topology.MultipathMap m = h.map();
        String name = m.name();
        // the first path of the first group sets the new size; every other path must agree
        List<String> devs = m.groups().stream().flatMap(g -> g.paths().stream())
                .map(io.jmultipath.daemon.topology.Path::dev).toList();
        assertEquals(2097152L, kernelSize(name));
        assertEquals("ok\n", ask(sock, "resize map " + name), "same size: nothing to do, still ok");
        assertEquals(2097152L, kernelSize(name));

        Files.writeString(h.root.sysBlock().resolve(devs.get(1)).resolve("size"), "4194304\n");
        assertEquals("ok\n", ask(sock, "resize map " + name), "the first path has not grown yet: same size");
        assertEquals(2097152L, kernelSize(name));
        Files.writeString(h.root.sysBlock().resolve(devs.get(1)).resolve("size"), "2097152\n");
        Files.writeString(h.root.sysBlock().resolve(devs.get(0)).resolve("size"), "4194304\n");
        assertEquals("fail\n", ask(sock, "resize map " + name), "the other path still has the old size");
        assertEquals(2097152L, kernelSize(name), "the map is left as it was");
        assertEquals(2, h.map().paths().size(), "no path was dropped from the map");
        assertTrue(h.dm.info(name).isPresent());
        // a full rediscovery now sees paths of different sizes: the map is rejected, not flushed
        assertEquals("ok\n", ask(sock, "reconfigure"));
        assertTrue(h.dm.info(name).isPresent(), "a rejected map stays in the kernel");
        assertEquals(2097152L, kernelSize(name));
        assertTrue(ask(sock, "show maps").contains(name));

        Files.writeString(h.root.sysBlock().resolve(devs.get(1)).resolve("size"), "4194304\n");
        // the paths' change uevents (a rescan) alone do not resize the map, as in multipathd 0.9.4
        h.engine.offerUevents(List.of(change(devs.get(0)), change(devs.get(1))));
        java.util.concurrent.CompletableFuture<Void> drained = new java.util.concurrent.CompletableFuture<>();
        h.engine.post(() -> drained.complete(null));
        drained.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(4194304L, h.engine.discovered.get(devs.get(0)).sizeSectors(), "the uevent was applied");
        assertEquals(2097152L, kernelSize(name), "no resize without 'resize map'");
        assertEquals("ok\n", ask(sock, "resize map " + name));
        assertEquals(4194304L, kernelSize(name));
        assertEquals(4194304L, h.map().sizeSectors());
        assertTrue(ask(sock, "show maps format \"%n %S\"").contains(name + " 2.0G"));
        assertEquals("fail\n", ask(sock, "resize map nosuchmap"));
    }

    private static io.jmultipath.daemon.uevent.Uevent change(String dev) {
        return io.jmultipath.daemon.uevent.Uevent.of("change", "/devices/x/block/" + dev,
                java.util.Map.of("SUBSYSTEM", "block", "DEVTYPE", "disk", "DEVNAME", dev),
                io.jmultipath.daemon.uevent.Uevent.Origin.REPLAY);
    }

    private long kernelSize(String name) {
        return h.dm.table(name).get(0).length();
    }

    /** update_path_groups: with marginal_pathgroups on, a marginal path gets a group of its own, last. */
    @Test
    void setmarginalRegroupsTheMapOnlyWithMarginalPathgroupsOn() throws Exception {
        String config = EngineEndToEndTest.CONFIG.replace("polling_interval 5",
                "polling_interval 5\n    marginal_pathgroups on\n    path_grouping_policy multibus")
                .replace("failback immediate", "failback immediate\n    path_grouping_policy multibus");
        String sock = start(List.of(tmp.resolve("s").toString()), config);
        String name = h.map().name();
        List<String> devs = h.map().paths().stream().map(io.jmultipath.daemon.topology.Path::dev).toList();
        assertEquals(1, kernelGroups(name), "multibus: one group");
        assertEquals("ok\n", ask(sock, "setmarginal path " + devs.get(0)));
        assertEquals(2, kernelGroups(name), "the marginal path left the group");
        assertEquals(List.of(devs.get(1)), h.map().groups().get(0).paths().stream().map(p -> p.dev()).toList());
        assertEquals(List.of(devs.get(0)), h.map().groups().get(1).paths().stream().map(p -> p.dev()).toList());
        assertTrue(ask(sock, "show paths format \"%d %M\"").contains(devs.get(0) + " marginal"));
        assertEquals("ok\n", ask(sock, "unsetmarginal map " + name));
        assertEquals(1, kernelGroups(name));
        assertEquals("fail\n", ask(sock, "unsetmarginal map nosuch"));
    }

    @Test
    void setmarginalWithMarginalPathgroupsOffOnlyMarksThePath() throws Exception {
        String config = EngineEndToEndTest.CONFIG.replace("failback immediate",
                "failback immediate\n    path_grouping_policy multibus");
        String sock = start(List.of(tmp.resolve("s").toString()), config);
        String name = h.map().name();
        String dev = h.map().paths().get(0).dev();
        assertEquals("ok\n", ask(sock, "setmarginal path " + dev));
        assertEquals(1, kernelGroups(name));
        assertTrue(ask(sock, "show paths format \"%d %M\"").contains(dev + " marginal"));
    }

    private int kernelGroups(String name) {
        return io.jmultipath.dmctl.MultipathTable.parse(h.dm.table(name).get(0).params()).groups().size();
    }

    /** dm_reassign: a linear volume still on a path device is moved onto the multipath device. */
    @Test
    void resetMapMovesOtherTablesFromAPathOntoTheMap() throws Exception {
        String sock = start(List.of(tmp.resolve("s").toString()));
        io.jmultipath.daemon.topology.Path p = h.map().paths().get(0);
        String name = h.map().name();
        io.jmultipath.dmctl.DmInfo lv = h.dm.create("vg-lv", "LVM-x",
                List.of(new io.jmultipath.dmctl.DmTarget(0, 2048, "linear", p.devT() + " 2048")));
        Path holders = h.root.resolve("/sys/dev/block/" + p.devT() + "/holders");
        Files.createDirectories(holders.resolve("dm-" + lv.dev().minor()));
        io.jmultipath.dmctl.DevT mapDev = h.dm.info(name).orElseThrow().dev();
        assertEquals("ok\n", ask(sock, "reset map " + name));
        assertEquals(mapDev.major() + ":" + mapDev.minor() + " 2048", h.dm.table("vg-lv").get(0).params());
        assertTrue(h.dm.table(name).get(0).params().contains(p.devT()), "the multipath table itself is left alone");
        assertEquals("ok\n", ask(sock, "reset map " + name), "nothing left to move: still ok");
        assertEquals("fail\n", ask(sock, "reset map nosuch"));
    }

    /**
     * As multipathd: a write that waited longer than uxsock_timeout for the daemon (here: its owner
     * thread held) answers "timeout" and is not run later; reconfigure, which multipathd only
     * schedules, still runs.
     */
    @Test
    void aWriteThatTimedOutWaitingIsNotRunLater() throws Exception {
        String sock = start(List.of(tmp.resolve("s").toString()),
                EngineEndToEndTest.CONFIG.replace("polling_interval 5", "polling_interval 5\n    uxsock_timeout 300"));
        String name = h.map().name();
        String dev = h.map().paths().get(0).dev();
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        h.engine.post(() -> {
            try {
                hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long before = h.engine.reconciliations();
        assertEquals("timeout\n", ask(sock, "fail path " + dev));
        assertEquals("timeout\n", ask(sock, "reconfigure"));
        hold.countDown();
        java.util.concurrent.CompletableFuture<Void> drained = new java.util.concurrent.CompletableFuture<>();
        h.engine.post(() -> drained.complete(null));
        drained.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(h.kernelFailed(name, dev), "the timed-out fail path was not carried out");
        assertTrue(h.engine.reconciliations() > before, "reconfigure still ran");
        assertEquals("ok\n", ask(sock, "fail path " + dev), "an owner with time to spare runs it");
        assertTrue(h.kernelFailed(name, dev));
    }
}
