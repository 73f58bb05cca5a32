package io.jmultipath.daemon.maps;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.dmctl.DmInfo;
import io.jmultipath.dmctl.DmTarget;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import io.jmultipath.daemon.testing.FakeSan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `jmultipath -f` on a map kpartx has partitioned: unused partitions go with the map (as
 * multipath-tools' dm_remove_partmaps); a partition in use keeps both, and says which one is busy.
 */
class PartitionMapsTest {
    @TempDir
    Path tmp;

    private FakeSan san;
    private EmulatedDeviceMapper dm;
    private String map;

    private void setUp() {
        san = FakeSan.in(tmp).lio(1, 2).config("defaults {\n user_friendly_names yes\n find_multipaths greedy\n}\n").write();
        assertEquals(0, san.jmultipath("-v2").rc());
        dm = EmulatedDeviceMapper.shared(tmp.resolve("dm.state"), d -> true);
        map = "mpatha";
    }

    /** kpartx's naming: mpatha1, uuid part1-mpath-WWID, one linear target on the map. */
    private DmInfo partition(String parent, int n) {
        DmInfo p = dm.info(parent).orElseThrow();
        return dm.create(parent + n, "part" + n + "-" + p.uuid().orElseThrow(),
                List.of(new DmTarget(0, 2048, "linear", p.dev().major() + ":" + p.dev().minor() + " " + (2048L * n))));
    }

    @Test
    void aMapHeldOnlyByItsUnusedPartitionsIsFlushedWithThem() {
        setUp();
        partition(map, 1);
        partition(map, 2);
        assertEquals(2, dm.info(map).orElseThrow().openCount(), "the partitions hold the map open, as in the kernel");
        FakeSan.Run r = san.jmultipath("-f", map);
        assertEquals(0, r.rc(), r.err());
        assertTrue(dm.info(map).isEmpty());
        assertTrue(dm.info(map + "1").isEmpty());
        assertTrue(dm.info(map + "2").isEmpty());
    }

    @Test
    void aMountedPartitionKeepsEverythingAndIsNamed() {
        setUp();
        partition(map, 1);
        dm.setOpenCount(map + "1", 1);
        FakeSan.Run r = san.jmultipath("-f", map);
        assertEquals(1, r.rc());
        assertEquals("mpatha1: map in use\n", r.err());
        assertTrue(dm.info(map).isPresent());
        assertTrue(dm.info(map + "1").isPresent());
    }

    @Test
    void aMapOpenedBesidesItsPartitionsIsInUse() {
        setUp();
        partition(map, 1);
        dm.setOpenCount(map, 1);
        FakeSan.Run r = san.jmultipath("-F");
        assertEquals(1, r.rc());
        assertEquals("mpatha: map in use\n", r.err());
        assertTrue(dm.info(map + "1").isPresent());
    }

    @Test
    void onlyKpartxStylePartitionsOfThisMapCount() {
        assertTrue(PartitionMaps.isPartOf("part1-mpath-3600a", "mpath-3600a"));
        assertTrue(PartitionMaps.isPartOf("part12-mpath-3600a", "mpath-3600a"));
        assertFalse(PartitionMaps.isPartOf("part1-mpath-3600ab", "mpath-3600a"));
        assertFalse(PartitionMaps.isPartOf("partx-mpath-3600a", "mpath-3600a"));
        assertFalse(PartitionMaps.isPartOf("LVM-abc", "mpath-3600a"));
        setUp();
        DmInfo m = dm.info(map).orElseThrow();
        dm.create("lvm-on-map", "LVM-xyz", List.of(new DmTarget(0, 2048, "linear",
                m.dev().major() + ":" + m.dev().minor() + " 0")));
        assertEquals(List.of(), PartitionMaps.of(dm, map), "an LVM volume on the map is not a partition");
        assertEquals(1, san.jmultipath("-f", map).rc(), "and it keeps the map in use");
        assertTrue(dm.info(map).isPresent());
    }
}
