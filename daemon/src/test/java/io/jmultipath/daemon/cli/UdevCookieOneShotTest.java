package io.jmultipath.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmultipath.daemon.testing.FakeSan;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import io.jmultipath.dmctl.UdevFlags;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The udev cookies `jmultipath` (multipath) sends, read from the emulated kernel's uevent log in
 * the shared state file: create, rename on alias change, forced reload (-r), flush (-F).
 */
class UdevCookieOneShotTest {
    static final String UFN = "defaults {\n\tuser_friendly_names yes\n\tfind_multipaths on\n}\n";

    @TempDir
    Path tmp;

    static List<String> uevents(FakeSan san) {
        try (EmulatedDeviceMapper dm = EmulatedDeviceMapper.shared(san.dir().resolve("dm.state"), d -> true)) {
            return dm.uevents().stream().map(u -> u.action().text() + " " + u.name() + " "
                    + u.cookie().map(UdevFlags::toString).orElse("-")).toList();
        }
    }

    @Test
    void createRenameForcedReloadAndFlush() {
        FakeSan san = FakeSan.in(tmp).lio(1, 2).config(UFN).write();
        // -q: queueing stays on (as with multipathd running)
        assertEquals(0, san.jmultipath("-v0", "-q").rc());
        san.config(UFN.replace("}\n", "\tskip_kpartx yes\n}\n") + "multipaths {\n\tmultipath {\n"
                + "\t\twwid 360014050000000000000000abc000001\n\t\talias data\n\t}\n}\n").write();
        assertEquals(0, san.jmultipath("-v0", "-q").rc());
        assertEquals(0, san.jmultipath("-v0", "-r", "-q").rc());
        assertEquals(0, san.jmultipath("-F").rc());
        assertEquals(List.of(
                "add mpatha -",
                "change mpatha DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE",
                // the plain second run leaves the existing map alone (multipath without -r); -r renames
                "change data DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE|SUBSYSTEM_1",          // rename, skip_kpartx
                "change data DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE|SUBSYSTEM_1",          // -r: no RELOAD flag
                "remove data DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE"), uevents(san));
    }
}
