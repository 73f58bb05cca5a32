package io.jmultipath.daemon.runtime;

import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.uevent.Uevent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon engine on a host where one path has bad sysfs data: start and an "add" uevent for it cost only that path. */
class BadSysfsEngineTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "block/dev|99999999999:1|false",
            "block/dev|8:x|false",
            "block/size|lots|false",
            "block/size|99999999999999999999999|false",
            "device/vendor||false",
            "device/timeout|thirty|true",
            "device/vpd_pg83|junk|true",
            "device/state|banana|true"})
    void startAndAddUeventKeepTheGoodMap(String attr, String value, boolean kept) throws Exception {
        Harness h = new Harness(tmp, 2, 2, EngineEndToEndTest.CONFIG);
        String goodWwid = h.fakePaths.get(0).lun().wwid();
        FakePath bad = h.fakePaths.stream().filter(p -> !p.lun().wwid().equals(goodWwid)).findFirst().orElseThrow();
        Path dir = h.root.sys().resolve(SanTreeWriter.scsiDeviceDir(bad));
        Path file = attr.startsWith("block/") ? dir.resolve("block").resolve(bad.dev()).resolve(attr.substring(6))
                : dir.resolve(attr.substring(7));
        Files.write(file, (value == null ? "" : value + "\n").getBytes(StandardCharsets.ISO_8859_1));

        h.engine.start();
        assertGoodMap(h, goodWwid);
        assertEquals(kept, h.engine.snapshot().topology().path(bad.dev()).isPresent(), bad.dev());

        h.engine.offerUevents(List.of(Uevent.of("add", "/devices/x/block/" + bad.dev(), Map.of("SUBSYSTEM", "block",
                "DEVTYPE", "disk", "DEVNAME", bad.dev()), Uevent.Origin.KERNEL)));
        h.engine.runPending();
        assertGoodMap(h, goodWwid);
        assertEquals(kept, h.engine.snapshot().topology().path(bad.dev()).isPresent(), bad.dev());
        if (kept && attr.equals("device/timeout")) {
            assertEquals(Optional.empty(), h.path(bad.dev()).info().timeoutSeconds());
        }
    }

    private static void assertGoodMap(Harness h, String wwid) {
        MultipathMap m = h.engine.snapshot().topology().maps().stream().filter(x -> x.wwid().equals(wwid))
                .findFirst().orElseThrow(() -> new AssertionError("no map for the good LUN"));
        assertEquals(2, m.paths().size());
        assertTrue(h.dm.info(m.name()).isPresent(), "in the kernel too");
        assertFalse(m.paths().isEmpty());
    }
}
