package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmultipath.daemon.client.CliClient;
import io.jmultipath.daemon.server.SocketNames;
import io.jmultipath.daemon.systemd.SdNotify;
import io.jmultipath.daemon.uevent.ReplayUeventSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole daemon (engine + CLI server) on a simulated SAN, driven through the socket. */
class DaemonCliTest {
    @TempDir
    Path tmp;
    private Daemon daemon;
    private Harness h;

    private String start(List<String> sockets) throws Exception {
        h = new Harness(tmp, 2, 2, EngineEndToEndTest.CONFIG);
        daemon = new Daemon(h.engine, new ConfigSource(Optional.empty(), h.root), new ReplayUeventSource(),
                SdNotify.none(), sockets);
        daemon.start();
        return sockets.get(0);
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private static String ask(String socket, String cmd) throws IOException {
        try (CliClient c = CliClient.connect(List.of(socket))) {
            return c.execute(cmd, Duration.ofSeconds(10));
        }
    }

    @Test
    void showFailReinstateReconfigureOverTheSocket() throws Exception {
        String sock = start(List.of(tmp.resolve("jmultipathd.socket").toString()));
        String paths = ask(sock, "show paths");
        assertTrue(paths.startsWith("hcil    dev dev_t pri dm_st  chk_st dev_st  next_check"), paths);
        assertEquals(5, paths.lines().count(), paths);
        String topo = ask(sock, "show topology");
        assertTrue(topo.contains("policy='service-time 0' prio=50"), topo);
        assertFalse(topo.contains("create:"), "no action prefix in show topology");
        String name = h.map().name();
        String dev = h.map().groups().get(0).paths().get(0).dev();

        assertEquals("ok\n", ask(sock, "fail path " + dev));
        assertTrue(h.kernelFailed(name, dev));
        assertTrue(ask(sock, "show paths format \"%d %t\"").contains(dev + " failed"));
        assertEquals("fail\ndevice not found\n", ask(sock, "fail path sdzz"));
        assertEquals("ok\n", ask(sock, "reinstate path /dev/" + dev));
        assertFalse(h.kernelFailed(name, dev));
        String stats = ask(sock, "show maps stats");
        assertTrue(stats.startsWith("name"), stats);
        assertTrue(stats.lines().anyMatch(l -> l.startsWith(name) && l.split("\\s+")[1].equals("1")), stats);
        assertEquals("ok\n", ask(sock, "reset maps stats"));

        assertEquals("ok\n", ask(sock, "disablequeueing map " + name));
        assertFalse(h.kernelQueueing(name));
        assertEquals("ok\n", ask(sock, "restorequeueing map " + name));
        assertTrue(h.kernelQueueing(name));
        assertEquals("ok\n", ask(sock, "switchgroup map " + name + " group 2"));
        assertEquals("fail\n" + name + ": no path group 7\n", ask(sock, "switchgroup map " + name + " group 7"));

        assertTrue(ask(sock, "show daemon").matches("pid \\d+ running\n"));
        assertTrue(ask(sock, "show status").contains("paths: 4"));
        assertTrue(ask(sock, "show config").contains("defaults {"));
        assertTrue(ask(sock, "show maps json").contains("\"major_version\": 0"));
        assertTrue(ask(sock, "sh paths").startsWith("fail\nsh paths: not found\n"));
        assertTrue(ask(sock, "getprstatus map " + name).startsWith("fail\npersistent reservations are not supported"));

        Files.writeString(h.root.multipathConf(), "defaults {\n  polling_interval 5\n"); // unbalanced
        String r = ask(sock, "reconfigure");
        assertTrue(r.startsWith("fail\n") && r.contains("multipath.conf"), r);
        assertTrue(ask(sock, "show topology").contains(name), "old configuration kept, still serving");
        Files.writeString(h.root.multipathConf(), EngineEndToEndTest.CONFIG);
        assertEquals("ok\n", ask(sock, "reconfigure"));
    }

    @Test
    void delMapAndAddMap() throws Exception {
        String sock = start(List.of(tmp.resolve("s").toString()));
        String name = h.map().name();
        h.dm.setOpenCount(name, 1);
        assertEquals("fail\nmap or partition in use\n", ask(sock, "del map " + name));
        h.dm.setOpenCount(name, 0);
        assertEquals("ok\n", ask(sock, "del map " + name));
        assertTrue(h.dm.info(name).isEmpty());
        assertFalse(ask(sock, "show maps").contains(name));
        assertEquals("ok\n", ask(sock, "add map " + h.fakePaths.get(0).lun().wwid()));
        assertTrue(ask(sock, "show maps").contains(name));
    }

    /** Debian's multipathd 0.9.4 client against the real daemon (default abstract socket only). */
    @Test
    void debianClientAgainstTheDaemon() throws Exception {
        Path client = Path.of("/usr/sbin/multipathd");
        assumeTrue(Files.isExecutable(client), "Debian multipathd client not installed");
        try {
            start(List.of(SocketNames.DEFAULT_ABSTRACT));
        } catch (IOException e) {
            assumeTrue(false, "default multipathd socket busy: " + e.getMessage());
        }
        String dev = h.map().groups().get(0).paths().get(0).dev();
        String name = h.map().name();
        String paths = run(client, "show", "paths");
        assertTrue(paths.startsWith("hcil    dev dev_t pri dm_st  chk_st dev_st  next_check"), paths);
        String topo = run(client, "show", "topology");
        assertTrue(topo.lines().anyMatch(l -> l.startsWith(name + " ")) && topo.contains("policy='service-time 0'"), topo);
        assertEquals("ok\n", run(client, "fail", "path", dev));
        assertTrue(h.kernelFailed(name, dev));
        assertTrue(run(client, "show", "paths").lines().anyMatch(l -> l.contains(" " + dev + " ") && l.contains("failed")));
        assertEquals("ok\n", run(client, "reinstate", "path", dev));
        assertFalse(h.kernelFailed(name, dev));
        assertEquals("ok\n", run(client, "-k", "reinstate path " + dev).replace("-k", ""));
    }

    private static String run(Path client, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(client.toString());
        if (args.length == 2 && args[0].equals("-k")) {
            cmd.add("-k" + args[1]);
        } else {
            cmd.addAll(List.of(args));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
