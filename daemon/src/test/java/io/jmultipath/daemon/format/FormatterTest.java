package io.jmultipath.daemon.format;

import io.jmultipath.config.ConfigLoader;
import io.jmultipath.daemon.maps.Configurator;
import io.jmultipath.daemon.maps.SysfsPathProbe;
import io.jmultipath.daemon.testing.FakeSan;
import io.jmultipath.daemon.topology.CheckTick;
import io.jmultipath.daemon.topology.MapPolicy;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.topology.Topology;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DeviceMappers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.List;
import java.util.Optional;

import static io.jmultipath.daemon.testing.Golden.assertGolden;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The daemon's show formats, pinned with golden files, on a topology read back from the emulated kernel. */
class FormatterTest {

    @TempDir
    java.nio.file.Path tmp;

    Topology t;

    @BeforeEach
    void setUp() throws Exception {
        FakeSan san = FakeSan.in(tmp).localDisk().lio(2, 2)
                .config("defaults {\n\tuser_friendly_names yes\n\tfind_multipaths on\n}\n").write();
        assertEquals(0, san.jmultipath("-v0", "-q").rc(), "-q: queueing kept, as with the daemon running");
        try (DeviceMapper dm = DeviceMappers.open(san.dmSpec())) {
            var cfg = ConfigLoader.load(san.root().multipathConf(), san.root().confDir()).config();
            Topology k = new Configurator(san.root(), cfg, dm, new SysfsPathProbe(), Configurator.Options.DEFAULT)
                    .kernelTopology(true);
            // what the daemon's checker loop would add: schedule and a running no_path_retry countdown
            List<Path> paths = k.paths().stream().map(p -> p.mapName().isPresent()
                    ? p.withNextCheck(Optional.of(new CheckTick(p.dev().equals("sdb") ? 16 : 4, 20))) : p).toList();
            List<MultipathMap> maps = k.maps().stream().map(m -> m.name().equals("mpathb")
                    ? new MultipathMap(m.name(), m.wwid(), m.dm(), m.sizeSectors(), m.features(), m.hwHandler(),
                    m.selector(), m.groups(), m.nextPg(), m.action(), new MapPolicy("30", 12, Optional.of("12"), 55),
                    m.stats()) : m).toList();
            t = new Topology(maps, paths);
        }
    }

    @Test
    void showPaths() {
        assertGolden("format/show-paths.txt", Formatter.paths(t, Formatter.PATHS_FORMAT, false));
        assertGolden("format/show-paths-raw.txt", Formatter.paths(t, Formatter.PATHS_FORMAT, true));
        assertGolden("format/show-paths-custom.txt",
                Formatter.paths(t, "%d %P %n %A %L %s %z %m %c %Q%%", false));
        assertEquals("", Formatter.paths(Topology.EMPTY, Formatter.PATHS_FORMAT, false), "no header when empty");
    }

    @Test
    void showMaps() {
        assertGolden("format/show-maps.txt", Formatter.maps(t, Formatter.MAPS_FORMAT, false));
        assertGolden("format/show-maps-status.txt", Formatter.maps(t, Formatter.MAPS_STATUS_FORMAT, false));
        assertGolden("format/show-maps-stats.txt", Formatter.maps(t, Formatter.MAPS_STATS_FORMAT, false));
        assertGolden("format/show-maps-raw.txt", Formatter.maps(t, "%n %S %s %v %p %e %f %h", true));
    }

    @Test
    void topologyPadsAcrossAllPaths() {
        assertGolden("format/show-topology.txt", Formatter.topology(t));
        assertEquals(Formatter.mapTopology(t, t.maps().get(0)),
                Formatter.topology(new Topology(List.of(t.maps().get(0)), t.paths())));
    }

    @Test
    void wildcardsAndJson() {
        assertGolden("format/show-wildcards.txt", Formatter.wildcards());
        assertGolden("format/show-maps-json.txt", JsonFormatter.maps(t));
        assertGolden("format/show-map-json.txt", JsonFormatter.map(t.maps().get(0)));
        assertEquals("a\\\"b\\\\c", JsonFormatter.escape("a\"b\\c"));
    }

    @Test
    void sizesAndProgress() {
        assertEquals("5.5G", Texts.size(11534336));
        assertEquals("269G", Texts.size(564133888L));
        assertEquals("1.0K", Texts.size(2));
        assertEquals("0.0K", Texts.size(0));
        assertEquals("1048576P", Texts.size(2L * 1024 * 1024 * 1024 * 1024 * 1024 * 1024));
        assertEquals("XXXXXXXX.. 16/20", Texts.progress(16, 20));
        assertEquals(" 0/0", Texts.progress(0, 0));
    }
}
