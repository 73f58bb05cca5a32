package io.jmultipath.daemon.uevent;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kernel: "echo add > /sys/block/loopN/uevent" reaches our netlink listener. */
@Tag("root")
class NetlinkUeventSourceTest {

    static String sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
        return out;
    }

    @Test
    void loopDeviceUeventArrives(@TempDir Path tmp) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        assumeTrue(Files.exists(Path.of("/dev/loop-control")), "no loop devices (/dev/loop-control missing)");
        Path img = tmp.resolve("img");
        Files.write(img, new byte[1 << 20]);
        String dev;
        try {
            dev = sh("losetup", "--find", "--show", img.toString());
        } catch (Exception e) {
            assumeTrue(false, "losetup failed: " + e.getMessage());
            return;
        }
        String name = Path.of(dev).getFileName().toString();
        try (NetlinkUeventSource src = NetlinkUeventSource.open(NetlinkUeventSource.GROUP_KERNEL)) {
            Files.writeString(Path.of("/sys/block", name, "uevent"), "add");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Uevent found = null;
            while (found == null && System.nanoTime() < deadline) {
                List<Uevent> got = src.receive(Duration.ofMillis(500), 100);
                found = got.stream().filter(u -> u.kernel().equals(name) && u.action().equals("add")).findFirst().orElse(null);
            }
            assertNotNull(found, "no add uevent for " + name);
            assertEquals("block", found.subsystem().orElseThrow());
            assertEquals("disk", found.devtype().orElseThrow());
            assertTrue(found.devpath().endsWith("/block/" + name), found.devpath());
            assertEquals(Uevent.Origin.KERNEL, found.origin());
        } finally {
            sh("losetup", "-d", dev);
        }
    }
}
