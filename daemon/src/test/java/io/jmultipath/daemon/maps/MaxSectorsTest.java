package io.jmultipath.daemon.maps;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.discovery.fake.FakeLun;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.testing.FakeSan;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sysfs_set_max_sectors_kb through `jmultipath`: paths before a create, the map's value before a reload. */
class MaxSectorsTest {
    @TempDir
    Path tmp;

    private String kb(String dev) throws IOException {
        return Files.readString(tmp.resolve("sys/block").resolve(dev).resolve("queue/max_sectors_kb")).strip();
    }

    private FakeSan lio(String config) {
        return FakeSan.in(tmp).lio(1, 2).config("defaults {\n find_multipaths greedy\n" + config + "}\n").write();
    }

    @Test
    void theConfiguredValueGoesToEveryPathBeforeTheCreate() throws Exception {
        FakeSan san = lio(" max_sectors_kb 512\n");
        assertEquals(0, san.jmultipath("-d").rc());
        assertEquals("1280", kb("sdb"), "a dry run writes nothing");
        assertEquals(0, san.jmultipath("-v2").rc());
        assertEquals("512", kb("sdb"));
        assertEquals("512", kb("sdc"));
    }

    @Test
    void withoutTheSettingNothingIsWritten() throws Exception {
        FakeSan san = lio("");
        assertEquals(0, san.jmultipath("-v2").rc());
        assertEquals("1280", kb("sdb"));
    }

    @Test
    void aDeviceEntrySetsItForItsArrayOnly() throws Exception {
        FakeLun pure = new FakeLun("3624a93701234567890abcdef00011234", "PURE", "FlashArray", "8888", 2097152L,
                "1234567890ABCDEF00011234", true);
        FakeSan san = FakeSan.in(tmp).luns(List.of(pure), 2, FakeTransport.FC)
                .luns(List.of(SanLayout.lioLun(2, 2097152L)), 2, FakeTransport.ISCSI)
                .config("defaults {\n find_multipaths greedy\n}\ndevices {\n device {\n  vendor PURE\n"
                        + "  product FlashArray\n  max_sectors_kb 4096\n }\n}\n").write();
        assertEquals(0, san.jmultipath("-v2").rc());
        assertEquals("4096", kb("sdb"));
        assertEquals("4096", kb("sdc"));
        assertEquals("1280", kb("sdd"), "the LIO paths are not PURE's");
    }

    @Test
    void aReloadGivesThePathsWhatTheMapHas() throws Exception {
        FakeSan san = lio(" max_sectors_kb 512\n");
        assertEquals(0, san.jmultipath("-v2").rc());
        EmulatedDeviceMapper dm = EmulatedDeviceMapper.shared(tmp.resolve("dm.state"), d -> true);
        String map = dm.list().get(0).name();
        FakeSan.Run noSysfs = san.jmultipath("-r");
        assertTrue(noSysfs.log().contains("failed to get current max_sectors_kb from " + map), noSysfs.log());

        Path dmAttr = tmp.resolve("sys/block/dm-" + dm.info(map).orElseThrow().dev().minor() + "/queue/max_sectors_kb");
        Files.createDirectories(dmAttr.getParent());
        Files.writeString(dmAttr, "256\n");
        assertEquals(0, san.jmultipath("-r").rc());
        assertEquals("256", kb("sdb"));
        assertEquals("256", kb("sdc"));
    }
}
