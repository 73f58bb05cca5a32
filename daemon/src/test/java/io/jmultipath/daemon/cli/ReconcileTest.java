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
        FakeSan.Run r = san.jmultipath("-v2", "-q");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().startsWith("rename: data (360014050000000000000000abc000002) dm-1 LIO-ORG,disk\n"), r.out());
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
        FakeSan.Run r = san.jmultipath("-v2", "-q", "/dev/sdc");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.log().contains("360014050000000000000000abc000002: unable to rename mpatha to data "
                + "(data is used by 360014050000000000000000abc000001)\n"), r.log());
        assertEquals("", r.out(), "the map keeps its name; nothing else changed");
        assertEquals(0, san.jmultipath("-f", "mpatha").rc());
        FakeSan.Run c = san.jmultipath("-v2", "-q", "/dev/sdc");
        assertTrue(c.out().startsWith("create: 360014050000000000000000abc000002 undef LIO-ORG,disk\n"), c.out());
        assertTrue(c.log().contains("360014050000000000000000abc000002: can't use alias \"data\" used by "
                + "360014050000000000000000abc000001, falling back to WWID\n"), c.log());
    }

    @Test
    void kernelOnAnotherGroupIsSwitchedBack() {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN).write();
        assertEquals(0, san.jmultipath("-v2", "-q").rc());
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            dm.message("mpatha", 0, "switch_group 2");
        }
        FakeSan.Run r = san.jmultipath("-v2", "-q");
        assertTrue(r.out().startsWith("switchpg: mpatha (360014050000000000000000abc000001) dm-0 LIO-ORG,disk\n"),
                r.out());
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            assertTrue(dm.table("mpatha").get(0).params().contains(" 2 1 service-time"),
                    dm.table("mpatha").get(0).params());
        }
        assertEquals("", san.jmultipath("-v2", "-q").out());
    }

    @Test
    void changedPathSetReloads() {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN).write();
        assertEquals(0, san.jmultipath("-v2", "-q").rc());
        san.writer().setAccessState(san.paths().get(1), "active/optimized");
        FakeSan.Run r = san.jmultipath("-v2", "-q");
        assertTrue(r.out().startsWith("reload: mpatha (360014050000000000000000abc000001) dm-0 LIO-ORG,disk\n"), r.out());
        assertTrue(r.out().contains("`-+- policy='service-time 0' prio=50 status=undef\n"
                + "  |- 2:0:0:1 sdb 8:16 undef ready running\n  `- 3:0:0:1 sdc 8:32 undef ready running\n"), r.out());
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
