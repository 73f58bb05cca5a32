package io.jmultipath.daemon.server;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.testing.DaemonProcess;
import io.jmultipath.daemon.testing.DaemonProcess.Result;
import io.jmultipath.daemon.testing.NotifyListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's own multipathd 0.9.4 client against the real jmultipathd process. That client knows only
 * the default abstract socket (no MULTIPATH_SOCKET_NAME), so the daemon runs in a network
 * namespace of its own (abstract unix names are per network namespace) and the client is run
 * inside it with nsenter: no clash with a multipathd (or another test) on the host, ever.
 */
@Tag("root")
class DebianClientInteropTest {
    static final String MULTIPATHD = "/usr/sbin/multipathd";
    static final String CONFIG = DaemonProcess.FAKE_SAN_CONFIG;

    @TempDir
    Path tmp;

    private List<String> client(long pid, String... args) {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/proc/" + pid + "/ns/net", "--", MULTIPATHD));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Result run(List<String> cmd) {
        try {
            return DaemonProcess.run(cmd);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> nobody(long pid, String... args) {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/proc/" + pid + "/ns/net", "--",
                "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", MULTIPATHD));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void debianClientGetsMultipathdsReplies() throws Exception {
        assumeTrue(DaemonProcess.isRoot(), "needs root (network namespace, uid switch)");
        assumeTrue(DaemonProcess.executable(MULTIPATHD), "Debian multipath-tools not installed");
        assumeTrue(DaemonProcess.executable("/usr/bin/unshare") && DaemonProcess.executable("/usr/bin/nsenter")
                && DaemonProcess.executable("/usr/bin/setpriv"), "util-linux unshare/nsenter/setpriv missing");
        Path san = tmp.resolve("san");
        List<FakePath> fake = DaemonProcess.writeSan(san, 2, 2, CONFIG);
        try (NotifyListener notify = new NotifyListener(tmp.resolve("notify"));
             DaemonProcess d = new DaemonProcess(List.of("unshare", "--net"),
                     List.of("-d", "-s", "--root", san.toString(), "--dm", "emulated:" + tmp.resolve("dm.state"),
                             "--socket", SocketNames.DEFAULT_ABSTRACT),
                     Map.of("NOTIFY_SOCKET", notify.path().toString()))) {
            notify.await(s -> s.contains("READY=1"), Duration.ofSeconds(60));
            long pid = d.pid();

            Result paths = DaemonProcess.run(client(pid, "show", "paths"));
            assertEquals(0, paths.rc(), paths.out());
            List<String> lines = paths.out().lines().toList();
            assertEquals("hcil    dev dev_t pri dm_st  chk_st dev_st  next_check", lines.get(0).stripTrailing());
            assertEquals(1 + fake.size(), lines.size(), paths.out());

            Result topo = DaemonProcess.run(client(pid, "show", "topology"));
            assertEquals(0, topo.rc(), topo.out());
            String wwid = fake.get(0).lun().wwid();
            assertTrue(topo.out().lines().anyMatch(l -> l.startsWith(wwid + " dm-") && l.contains(" LIO-ORG,")),
                    topo.out());
            assertTrue(topo.out().lines().anyMatch(l -> l.startsWith("size=1.0G features='") && l.endsWith("' hwhandler='1 alua' wp=rw")),
                    topo.out());
            assertTrue(topo.out().contains("-+- policy='service-time 0' prio="), topo.out());

            String dev = fake.get(0).dev();
            Result failed = DaemonProcess.run(client(pid, "fail", "path", dev));
            assertEquals(new Result(0, "ok\n"), failed);
            d.awaitLog(": fail path " + fake.get(0).major() + ":" + fake.get(0).minor() + " \\(operator\\)", Duration.ofSeconds(10));
            Result after = DaemonProcess.run(client(pid, "show", "paths", "format", "%d %t %T"));
            assertTrue(after.out().lines().anyMatch(l -> l.matches(dev + " +failed +faulty *")), after.out());

            // what 0.9.4's daemon answers for a path it does not know: a bare "fail", client exit 1
            assertEquals(new Result(1, "fail\n"), DaemonProcess.run(client(pid, "fail", "path", "sdzz")));

            assertEquals(new Result(0, "ok\n"), DaemonProcess.run(client(pid, "reinstate", "path", dev)));
            d.awaitLog("^" + fake.get(0).major() + ":" + fake.get(0).minor() + ": reinstated$", Duration.ofSeconds(20));
            d.awaitCondition(() -> run(client(pid, "-kshow paths format \"%d %t %T\"")).out().lines()
                    .anyMatch(l -> l.matches(dev + " +active +ready *")), Duration.ofSeconds(5), dev + " active ready");

            Result bogus = DaemonProcess.run(client(pid, "show", "bogus"));
            assertEquals(0, bogus.rc(), "0.9.4's client exits 0 unless the reply is exactly \"fail\"");
            assertTrue(bogus.out().contains(": not found\nmultipath-tools v0.9.4 (12/19, 2022)\nCLI commands reference:\n"
                    + " list|show paths\n"), bogus.out());
            assertTrue(bogus.out().startsWith("show bogus"), bogus.out());
            assertEquals(new Result(1, "fail\n"), DaemonProcess.run(client(pid, "bogus", "paths")), "ENOENT");

            // (as non-root, the client may first warn that it cannot read /etc/multipath/conf.d)
            Result mine = DaemonProcess.run(nobody(pid, "show", "maps"));
            assertEquals(0, mine.rc(), mine.out());
            assertTrue(mine.out().lines().anyMatch(l -> l.matches("name +sysfs +uuid *")), mine.out());
            Result denied = DaemonProcess.run(nobody(pid, "fail", "path", dev));
            assertEquals(0, denied.rc(), denied.out());
            assertTrue(denied.out().endsWith("\npermission deny: need to be root\n")
                    || denied.out().equals("permission deny: need to be root\n"), denied.out());

            d.signal("TERM");
            assertEquals(0, d.awaitExit(Duration.ofSeconds(30)));
        }
    }
}
