package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.server.CliParser;
import io.jmultipath.daemon.server.Reply;
import io.jmultipath.daemon.uevent.Uevent;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DmInfo;
import io.jmultipath.dmctl.DmUevent;
import io.jmultipath.dmctl.UdevFlags;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The udev cookie the daemon's device-mapper calls carry, read back from the emulated kernel's
 * uevents. Expected flags are multipath-tools' (libmultipath/devmapper.c): every call
 * DM_UDEV_DISABLE_LIBRARY_FALLBACK (+ PRIMARY_SOURCE from the library); create/reload add
 * MPATH_UDEV_NO_KPARTX_FLAG (skip_kpartx) and MPATH_UDEV_NO_PATHS_FLAG (no path up, ghost or
 * pending); a reload's resume adds MPATH_UDEV_RELOAD_FLAG unless force_udev_reload.
 */
class UdevCookieTest {
    static final String FALLBACK_PRIMARY = "DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE";

    @TempDir
    Path tmp;

    /** The flags of the last uevent of {@code action} for the map that has (had) dev_t {@code dev}. */
    static String lastCookie(Harness h, DevT dev, DmUevent.Action action) {
        List<DmUevent> log = h.dm.uevents();
        for (int i = log.size() - 1; i >= 0; i--) {
            DmUevent u = log.get(i);
            if (u.dev().equals(dev) && u.action() == action) {
                return u.cookie().map(UdevFlags::toString).orElse("no cookie");
            }
        }
        throw new AssertionError("no " + action + " uevent for " + dev + ": " + log);
    }

    static DevT devOf(Harness h, String map) {
        return h.dm.info(map).map(DmInfo::dev).orElseThrow();
    }

    static WriteCommands commands(Harness h) {
        return new WriteCommands(h.engine, new DaemonControl() {
            @Override
            public Reply reconfigure(boolean all) {
                return Reply.ok();
            }

            @Override
            public void shutdown() {
            }
        });
    }

    static Uevent uevent(String action, FakePath p) {
        return Uevent.of(action, "/devices/x/block/" + p.dev(), Map.of("SUBSYSTEM", "block", "DEVTYPE", "disk",
                "DEVNAME", p.dev(), "ID_SERIAL", p.lun().wwid()), Uevent.Origin.KERNEL);
    }

    @Test
    void newMapsAreAnnouncedAsPrimarySourceWithoutLibraryFallback() throws Exception {
        Harness h = new Harness(tmp, 2, 2, EngineEndToEndTest.CONFIG);
        h.engine.start();
        assertEquals(2, h.engine.snapshot().topology().maps().size());
        for (var m : h.engine.snapshot().topology().maps()) {
            DevT dev = devOf(h, m.name());
            assertEquals("no cookie", lastCookie(h, dev, DmUevent.Action.ADD), "the kernel's add carries none");
            assertEquals(FALLBACK_PRIMARY, lastCookie(h, dev, DmUevent.Action.CHANGE), m.name());
        }
    }

    @Test
    void skipKpartxAndNoUsablePathAreFlaggedOnCreate() throws Exception {
        Harness h = new Harness(tmp, 1, 2, EngineEndToEndTest.CONFIG.replace("polling_interval 5",
                "polling_interval 5\n    skip_kpartx yes"));
        for (FakePath p : h.fakePaths) {
            h.writer.setState(p, "offline");
        }
        h.engine.start();
        String name = h.map().name();
        assertEquals(FALLBACK_PRIMARY + "|SUBSYSTEM_1|SUBSYSTEM_2", lastCookie(h, devOf(h, name), DmUevent.Action.CHANGE),
                "NO_KPARTX (skip_kpartx yes) + NO_PATHS (both paths offline)");
    }

    @Test
    void addedPathReloadsWithTheReloadFlagAndForcedReloadWithout() throws Exception {
        Harness h = new Harness(tmp, 1, 2, EngineEndToEndTest.CONFIG);
        FakePath late = h.fakePaths.get(1);
        h.writer.removePath(late);
        h.engine.start();
        String name = h.map().name();
        DevT dev = devOf(h, name);
        assertEquals(1, h.map().paths().size());
        long changes = h.dm.uevents().stream().filter(u -> u.action() == DmUevent.Action.CHANGE).count();

        h.writer.writePath(late, true);
        h.engine.offerUevents(List.of(uevent("add", late)));
        h.engine.runPending();
        assertEquals(2, h.map().paths().size());
        assertEquals(changes + 1, h.dm.uevents().stream().filter(u -> u.action() == DmUevent.Action.CHANGE).count());
        assertEquals(FALLBACK_PRIMARY + "|SUBSYSTEM_0", lastCookie(h, dev, DmUevent.Action.CHANGE),
                "a path-set reload: MPATH_UDEV_RELOAD_FLAG, so upper layers do not rescan");

        assertEquals(Reply.ok(), commands(h).handle(CliParser.parse("reload map " + name)));
        assertEquals(FALLBACK_PRIMARY, lastCookie(h, dev, DmUevent.Action.CHANGE),
                "a reload forced by the user is force_udev_reload: no reload flag");
    }

    @Test
    void operatorResumeCarriesTheMapsKpartxFlag() throws Exception {
        Harness h = new Harness(tmp, 1, 2, EngineEndToEndTest.CONFIG.replace("polling_interval 5",
                "polling_interval 5\n    skip_kpartx yes"));
        h.engine.start();
        String name = h.map().name();
        WriteCommands c = commands(h);
        assertEquals(Reply.ok(), c.handle(CliParser.parse("suspend map " + name)));
        assertTrue(h.dm.info(name).orElseThrow().suspended());
        assertEquals(Reply.ok(), c.handle(CliParser.parse("resume map " + name)));
        assertFalse(h.dm.info(name).orElseThrow().suspended());
        assertEquals(FALLBACK_PRIMARY + "|SUBSYSTEM_1", lastCookie(h, devOf(h, name), DmUevent.Action.CHANGE));
    }

    @Test
    void mapFlushedAfterItsLastPathCarriesTheCookieOnRemove() throws Exception {
        Harness h = new Harness(tmp, 2, 2, EngineEndToEndTest.CONFIG);
        h.engine.start();
        var m = h.engine.snapshot().topology().maps().get(0);
        DevT dev = devOf(h, m.name());
        for (var p : m.paths()) {
            FakePath fp = h.fakePaths.stream().filter(x -> x.dev().equals(p.dev())).findFirst().orElseThrow();
            h.writer.removePath(fp);
            h.engine.offerUevents(List.of(uevent("remove", fp)));
        }
        h.engine.runPending();
        assertEquals(Optional.empty(), h.dm.info(m.name()), "flushed");
        assertEquals(FALLBACK_PRIMARY, lastCookie(h, dev, DmUevent.Action.REMOVE));
    }
}
