package io.jmultipath.daemon.discovery;

import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.testing.FakeSan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoveryTest {

    @TempDir
    Path tmp;

    private Discovery.Result discover(FakeSan san) throws IOException {
        return new Discovery(new SysfsReader(san.root())).discover();
    }

    @Test
    void twoPathIscsiLun() throws IOException {
        FakeSan san = FakeSan.in(tmp).localDisk().lio(1, 2).write();
        Discovery.Result r = discover(san);
        assertEquals(List.of(), r.warnings());
        assertEquals(List.of("sda", "sdb", "sdc"), r.paths().stream().map(DiscoveredPath::dev).toList());
        DiscoveredPath sdb = r.paths().get(1).resolveWwid("ID_SERIAL");
        assertEquals("8:16", sdb.devT());
        assertEquals(Bus.SCSI, sdb.bus());
        assertEquals(Protocol.SCSI_ISCSI, sdb.protocol());
        assertEquals("2:0:0:1", sdb.hcil().orElseThrow().toString());
        assertEquals("LIO-ORG", sdb.vendor());
        assertEquals("disk", sdb.product());
        assertEquals("4.0", sdb.revision());
        assertEquals(2097152L, sdb.sizeSectors());
        assertEquals(Optional.of("360014050000000000000000abc000001"), sdb.wwid());
        assertEquals(WwidSource.VPD83, sdb.wwidSource());
        assertEquals(Optional.of("iqn.2003-01.org.linux-iscsi.target.x8664:sn.0123456789ab"),
                sdb.transport().targetNodeName());
        assertEquals(Optional.of("active/optimized"), sdb.alua().accessState());
        assertEquals(Optional.of(1), sdb.alua().tpgId());
        assertEquals(Optional.of("alua"), sdb.alua().attachedHandler());
        assertTrue(sdb.alua().capable());
        assertEquals(Optional.of("running"), sdb.sysfsState());
        assertEquals(Optional.of(30), sdb.timeoutSeconds());
        assertEquals(Optional.of("000000000000000abc000001"), sdb.serial());
        DiscoveredPath sda = r.paths().get(0).resolveWwid("ID_SERIAL");
        assertEquals(Protocol.SCSI_ATA, sda.protocol());
        assertEquals(Optional.of("1ATA_QEMU_HARDDISK_QM00001"), sda.wwid());
        assertFalse(sda.alua().capable());
    }

    @Test
    void udevDatabaseWinsOverVpd() throws IOException {
        FakeSan san = FakeSan.in(tmp).withUdevDb().lio(1, 1).write();
        Files.writeString(san.root().resolve("/run/udev/data/b8:16"), "E:ID_SERIAL=3600fromudev\nE:DEVTYPE=disk\n");
        DiscoveredPath p = discover(san).paths().get(0).resolveWwid("ID_SERIAL");
        assertEquals(Optional.of("3600fromudev"), p.wwid());
        assertEquals(WwidSource.UDEV, p.wwidSource());
        assertEquals(WwidSource.NONE, p.resolveWwid("ID_WWN").wwidSource(),
                "a non-standard uid_attribute without its property: no fallback (has_uid_fallback)");
        assertEquals(WwidSource.VPD83, p.resolveWwid("").wwidSource(), "uid_attribute \"\" turns udev off");
        Files.writeString(san.root().resolve("/run/udev/data/b8:16"), "E:ID_SERIAL=3600trailing  \n");
        assertEquals(Optional.of("3600trailing"), discover(san).paths().get(0).resolveWwid("ID_SERIAL").wwid(),
                "trailing blanks stripped");
    }

    @Test
    void sysfsWwidIsTheLastResort() throws IOException {
        FakeSan san = FakeSan.in(tmp).lio(1, 1).write();
        Files.delete(san.root().resolve("/sys/block/sdb/device/vpd_pg83"));
        DiscoveredPath p = discover(san).paths().get(0).resolveWwid("ID_SERIAL");
        assertEquals(Optional.of("360014050000000000000000abc000001"), p.wwid());
        assertEquals(WwidSource.SYSFS_WWID, p.wwidSource());
    }

    @Test
    void fcAndSasAncestry() throws IOException {
        FakeSan san = FakeSan.in(tmp).dorado(1, 2)
                .luns(List.of(SanLayout.lioLun(9, 2048)), 1, FakeTransport.SAS).write();
        List<DiscoveredPath> ps = discover(san).paths();
        DiscoveredPath fc = ps.stream().filter(p -> p.dev().equals("sdb")).findFirst().orElseThrow();
        assertEquals(Protocol.SCSI_FCP, fc.protocol());
        assertEquals(Optional.of("0x2000000024ff000000"), fc.transport().targetNodeName());
        assertEquals(Optional.of("0x20000000c9000002"), fc.transport().hostNodeName());
        assertEquals(Optional.of("0000:03:00.0"), fc.transport().hostAdapter());
        assertEquals("HUAWEI", fc.vendor());
        DiscoveredPath sas = ps.stream().filter(p -> p.dev().equals("sdd")).findFirst().orElseThrow();
        assertEquals(Protocol.SCSI_SAS, sas.protocol());
        assertEquals(Optional.of("0x500605b000027200"), sas.transport().targetNodeName());
    }

    @Test
    void oddSysfsValuesSkipThatPathWithOneWarning() throws IOException {
        FakeSan san = FakeSan.in(tmp).lio(2, 2).write();
        Files.writeString(san.root().resolve("/sys/block/sdc/size"), "lots\n");
        Files.delete(san.root().resolve("/sys/block/sdd/device/vendor"));
        Files.writeString(san.root().resolve("/sys/block/sde/dev"), "8\n");
        Discovery.Result r = discover(san);
        assertEquals(List.of("sdb"), r.paths().stream().map(DiscoveredPath::dev).toList());
        assertEquals(List.of(
                "sdc: invalid value 'lots' in /sys/block/sdc/size",
                "sdd: cannot read /sys/block/sdd/device/vendor",
                "sde: invalid value '8' in /sys/block/sde/dev"), r.warnings().stream().sorted().toList());
    }

    @Test
    void danglingBlockLinkIsReported() throws IOException {
        FakeSan san = FakeSan.in(tmp).lio(1, 1).write();
        Files.createSymbolicLink(san.root().resolve("/sys/block/sdz"), Path.of("../devices/nowhere/block/sdz"));
        Discovery.Result r = discover(san);
        assertEquals(1, r.paths().size());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("sdz: cannot read /sys/block/sdz"), r.warnings().get(0));
    }

    @Test
    void offlineStateAndNames() {
        FakePath p = new FakePath("sdaa", 1, 0, 0, 1, FakeTransport.ISCSI, "iqn.x", SanLayout.lioLun(1, 8),
                Optional.empty(), false, 1, "offline");
        assertEquals(26, FakePath.sdIndex("sdaa"));
        assertEquals("sdaa", FakePath.sdName(26));
        assertEquals("sdzz", FakePath.sdName(FakePath.sdIndex("sdzz")));
        assertEquals(65, p.major());
        assertEquals(160, p.minor());
        assertEquals(8, new FakePath("sdp", 1, 0, 0, 1, FakeTransport.ISCSI, "", SanLayout.lioLun(1, 8),
                Optional.empty(), false, 1, "running").major());
        assertEquals("0x0001000000000000", new Hcil(1, 0, 0, 1).lunHex());
    }
}
