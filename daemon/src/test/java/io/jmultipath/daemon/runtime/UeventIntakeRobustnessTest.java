package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.server.CliParser;
import io.jmultipath.daemon.uevent.Uevent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or odd uevents reaching the engine: ignored, and nothing outside /sys/block is looked at. */
class UeventIntakeRobustnessTest {
    @TempDir
    Path tmp;

    private static Uevent ev(String action, String devname, String... kv) {
        Map<String, String> env = new java.util.LinkedHashMap<>(Map.of("SUBSYSTEM", "block", "DEVTYPE", "disk", "DEVNAME", devname));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return Uevent.of(action, "/devices/x/block/" + devname, env, Uevent.Origin.REPLAY);
    }

    @Test
    void traversalUnknownAndOutOfOrderEventsChangeNothing() throws Exception {
        Harness h = new Harness(tmp, 1, 2, EngineEndToEndTest.CONFIG);
        h.engine.start();
        var before = h.engine.snapshot().topology().maps().size();
        long rec = h.engine.reconciliations();
        h.engine.offerUevents(List.of(
                ev("add", "../../../etc"), ev("change", "../class/block/" + h.fakePaths.get(0).dev()),
                ev("add", "."), ev("add", ""), ev("remove", "sdzz"), ev("change", "sdzy"),
                ev("add", "sdb", "MAJOR", "zz", "MINOR", "-1"),
                ev("change", "dm-0", "DM_NAME", "../../\u0001%s%n"), ev("bogus", "sdc")));
        h.engine.runPending();
        assertEquals(before, h.engine.snapshot().topology().maps().size());
        assertFalse(h.engine.discovered.keySet().stream().anyMatch(k -> k.contains("/") || k.contains("..") || k.isEmpty()),
                h.engine.discovered.keySet().toString());
        assertTrue(h.engine.reconciliations() - rec <= 1);
    }

    @Test
    void addPathRefusesNamesOutsideSysBlock() throws Exception {
        Harness h = new Harness(tmp, 1, 2, EngineEndToEndTest.CONFIG);
        h.engine.start();
        String dev = h.fakePaths.get(0).dev();
        PathCommands pc = new PathCommands(h.engine);
        for (String name : List.of("../class/block/" + dev, "..", "/dev/../" + dev)) {
            var r = pc.handle(CliParser.parse("add path " + name));
            assertFalse(r.success(), name);
        }
        assertFalse(h.engine.discovered.keySet().stream().anyMatch(k -> k.contains("/")), h.engine.discovered.keySet().toString());
    }

    /** A change for a device never added is taken as its add, with the add's devnode blacklist check. */
    @Test
    void aChangeForAnUnknownDeviceIsAnAddUnlessItsDevnodeIsBlacklisted() throws Exception {
        Harness h = new Harness(tmp, 1, 2, EngineEndToEndTest.CONFIG + "blacklist {\n    devnode \"^sdx\"\n}\n");
        h.engine.start();
        var proto = h.fakePaths.get(0);
        for (String dev : List.of("sdx", "sdy")) {
            h.writer.writePath(new io.jmultipath.daemon.discovery.fake.FakePath(dev, 9, 0, 0, 1, proto.transport(),
                    proto.targetName(), proto.lun(), proto.accessState(), false, proto.tpgId(), "running"), true);
        }
        h.engine.offerUevents(List.of(ev("change", "sdx"), ev("change", "sdy")));
        h.engine.runPending();
        assertFalse(h.engine.discovered.containsKey("sdx"), "blacklisted devnode");
        assertTrue(h.engine.discovered.containsKey("sdy"), h.engine.discovered.keySet().toString());
    }
}
