package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.testing.FakeSan;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DeviceMappers;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.DmTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reconciliation with what the kernel already has: foreign dm devices, renames, adoption. */
class ReconcileTest {

    static final String UFN = "defaults {\n\tuser_friendly_names yes\n\tfind_multipaths on\n}\n";
    // runs use -q (queueing allowed without multipathd) so that a re-run compares like-for-like tables

    @TempDir
    Path tmp;

    @Test
    void nonMultipathDevicesAreNeverTouchedAndTheirNamesAreSkipped() throws Exception {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN).write();
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            dm.create("mpatha", "LVM-Xy12abc", List.of(new DmTarget(0, 2048, "linear", "8:16 0")));
        }
        FakeSan.Run r = san.jmultipath("-v2", "-q");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().startsWith("create: mpathb (360014050000000000000000abc000001) undef"), r.out());
        assertEquals("mpathb\n", san.jmultipath("-ll", "-v1").out());
        assertEquals(0, san.jmultipath("-F").rc());
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            assertEquals(List.of("mpatha"), dm.list().stream().map(DmDevice::name).toList(),
                    "the LVM device survives -F");
        }
    }

    @Test
    void aliasChangeRenamesTheExistingMap() {
        FakeSan san = FakeSan.in(tmp).lio(2, 2).config(UFN).write();
        assertEquals("mpatha\nmpathb\n", san.jmultipath("-v1", "-q").out());
        san.config(UFN + "multipaths {\n\tmultipath {\n\t\twwid 360014050000000000000000abc000002\n"
                + "\t\talias data\n\t}\n}\n").write();
        assertEquals("", san.jmultipath("-v2", "-q").out(),
                "without -r, paths already in maps are coalesced: existing maps are not touched");
        FakeSan.Run r = san.jmultipath("-r", "-q");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.log().contains("360014050000000000000000abc000002: rename mpathb to data\n"), r.log());
        assertTrue(r.out().startsWith("reload: mpatha (360014050000000000000000abc000001) undef "), r.out());
        assertTrue(r.out().contains("\n: data (360014050000000000000000abc000002) undef LIO-ORG,disk\n"),
                "reload + rename (ACT_RELOAD_RENAME) has no action name: " + r.out());
        assertEquals("data\nmpatha\n", san.jmultipath("-ll", "-v1").out());
        assertEquals("", san.jmultipath("-v2", "-q").out(), "second run: nothing left to do");
    }

    @Test
    void aliasHeldByAnotherMultipathMapFallsBackToTheWwid() {
        String lun1Data = UFN + "multipaths {\n\tmultipath {\n\t\twwid 360014050000000000000000abc000001\n"
                + "\t\talias data\n\t}\n}\n";
        FakeSan san = FakeSan.in(tmp).lio(2, 2).config(lun1Data).write();
        assertEquals("data\nmpatha\n", san.jmultipath("-v1", "-q").out());
        san.config(UFN + "multipaths {\n\tmultipath {\n\t\twwid 360014050000000000000000abc000002\n"
                + "\t\talias data\n\t}\n}\n").write();
        FakeSan.Run r = san.jmultipath("-r", "-q", "/dev/sdc");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.log().contains("360014050000000000000000abc000002: unable to rename mpatha to data "
                + "(data is used by 360014050000000000000000abc000001)\n"), r.log());
        assertTrue(r.out().startsWith("reload: mpatha (360014050000000000000000abc000002) undef"),
                "the map keeps its name: " + r.out());
        assertEquals(0, san.jmultipath("-f", "mpatha").rc());
        FakeSan.Run c = san.jmultipath("-v2", "-q", "/dev/sdc");
        assertTrue(c.out().startsWith("create: 360014050000000000000000abc000002 undef LIO-ORG,disk\n"), c.out());
        assertTrue(c.log().contains("360014050000000000000000abc000002: can't use alias \"data\" used by "
                + "360014050000000000000000abc000001, falling back to WWID\n"), c.log());
    }

    /** select_action with a map the kernel runs on another group (the daemon's weak reconfigure): switch_group. */
    @Test
    void kernelOnAnotherGroupIsSwitchedBack() throws Exception {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN).write();
        assertEquals(0, san.jmultipath("-v2", "-q").rc());
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            dm.message("mpatha", 0, "switch_group 2");
            var cfg = io.jmultipath.config.ConfigLoader.load(san.root().multipathConf(), san.root().confDir()).config();
            var c = new io.jmultipath.daemon.maps.Configurator(san.root(), cfg, dm,
                    new io.jmultipath.daemon.maps.SysfsPathProbe(), io.jmultipath.daemon.maps.Configurator.Options.DEFAULT);
            var kernel = io.jmultipath.daemon.maps.KernelMaps.read(dm);
            var plan = c.planner().plan(c.discover().paths(),
                    io.jmultipath.daemon.maps.FindMultipaths.tool("greedy", java.util.Set.of(), false),
                    java.util.Set.of(), p -> true, new io.jmultipath.daemon.maps.BindingsNamer(c.bindings(), kernel, true));
            var o = new io.jmultipath.daemon.maps.Reconciler(dm).applyOne(plan.maps().get(0), kernel, false, false);
            assertEquals(io.jmultipath.daemon.topology.MapAction.SWITCHPG, o.action());
            assertTrue(dm.table("mpatha").get(0).params().contains(" 2 1 service-time"), dm.table("mpatha").get(0).params());
        }
        assertEquals("", san.jmultipath("-v2", "-q").out());
    }

    @Test
    void failedButHealthyPathsOfExistingMapsAreReinstated() {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN).write();
        assertEquals(0, san.jmultipath("-v2", "-q").rc());
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            dm.message("mpatha", 0, "fail_path 8:32");
            assertTrue(dm.status("mpatha").get(0).params().contains("8:32 F"), dm.status("mpatha").get(0).params());
        }
        assertEquals("", san.jmultipath("-v2", "-q").out(), "nothing to print");
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            assertTrue(dm.status("mpatha").get(0).params().contains("8:32 A"), "reinstated: "
                    + dm.status("mpatha").get(0).params());
        }
        // like reinstate_paths, a failed path of a group that is merely enabled (not active) is
        // reinstated even when it is down: the kernel fails it again on the first I/O
        san.writer().setState(san.paths().get(1), "offline");
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            dm.message("mpatha", 0, "fail_path 8:32");
        }
        san.jmultipath("-v2", "-q");
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            assertTrue(dm.status("mpatha").get(0).params().contains(" E 0 1 2 8:32 A "), dm.status("mpatha").get(0).params());
        }
    }

    @Test
    void changedPathStatesNeedForceReload() {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN).write();
        assertEquals(0, san.jmultipath("-v2", "-q").rc());
        san.writer().setAccessState(san.paths().get(1), "active/optimized");
        assertEquals("", san.jmultipath("-v2", "-q").out(), "multipath without -r leaves existing maps alone");
        FakeSan.Run r = san.jmultipath("-r", "-q");
        assertTrue(r.out().startsWith("reload: mpatha (360014050000000000000000abc000001) undef LIO-ORG,disk\n"
                + "size=1.0G features='1 queue_if_no_path' hwhandler='1 alua' wp=undef\n"), r.out());
        assertTrue(r.out().contains("`-+- policy='service-time 0' prio=50 status=undef\n"
                        + "  |- 2:0:0:1 sdb 8:16 active ready running\n  `- 3:0:0:1 sdc 8:32 active ready running\n"),
                "the new map, with the kernel's path states: " + r.out());
    }

    @Test
    void aNewPathReloadsItsMap() throws Exception {
        FakeSan san = FakeSan.in(tmp).lio(1, 2)
                .config("defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n}\n").write();
        java.nio.file.Files.writeString(san.root().resolve("/sys/block/sdc/device/vendor"), "\n"); // unusable for now
        assertEquals(0, san.jmultipath("-v2", "-q").rc());
        san.writer().writePath(san.paths().get(1), false); // the path comes (back)
        FakeSan.Run r = san.jmultipath("-v2", "-q");
        assertTrue(r.out().startsWith("reload: mpatha (360014050000000000000000abc000001) undef"), r.out());
        assertTrue(r.out().contains(" sdc 8:32 "), r.out());
    }

    @Test
    void missingDeviceMapperControlIsOneLine() {
        boolean dmWorks;
        try (DeviceMapper dm = DeviceMappers.open("kernel")) {
            dmWorks = true;
        } catch (RuntimeException e) {
            dmWorks = false;
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(dmWorks,
                "this machine has a working device-mapper; the error path cannot be shown here");
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN).write();
        FakeSan.Run r = FakeSan.run(List.of("--root", san.dir().toString(), "-ll"));
        assertEquals(1, r.rc());
        assertTrue(r.err().startsWith("device-mapper not available: /dev/mapper/control"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
        assertEquals(1, r.err().lines().count());
    }
}
