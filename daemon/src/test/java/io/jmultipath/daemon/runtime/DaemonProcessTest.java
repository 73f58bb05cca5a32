package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.client.CliClient;
import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.testing.DaemonProcess;
import io.jmultipath.daemon.testing.NotifyListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a service, as a separate process: sd_notify states and watchdog pings, SIGHUP =
 * reconfigure (a bad config rejected with its error, the running one kept), SIGTERM = clean
 * shutdown, multipathd-style log lines with {@code -s} (no timestamps).
 */
class DaemonProcessTest {
    static final String CONFIG = DaemonProcess.FAKE_SAN_CONFIG;

    @TempDir
    Path tmp;

    private static String ask(Path socket, String cmd) throws IOException {
        try (CliClient c = CliClient.connect(List.of(socket.toString()))) {
            return c.execute(cmd, Duration.ofSeconds(10));
        }
    }

    @Test
    void notifiesReloadsOnSighupAndStopsOnSigterm() throws Exception {
        Path san = tmp.resolve("san");
        List<FakePath> fake = DaemonProcess.writeSan(san, 1, 2, CONFIG);
        Path sock = tmp.resolve("jmultipathd.socket");
        Path conf = san.resolve("etc/multipath.conf");
        try (NotifyListener notify = new NotifyListener(tmp.resolve("notify"));
             DaemonProcess d = new DaemonProcess(List.of(),
                     List.of("-d", "-s", "--root", san.toString(), "--dm", "emulated:" + tmp.resolve("dm.state"),
                             "--socket", sock.toString()),
                     Map.of("NOTIFY_SOCKET", notify.path().toString(), "WATCHDOG_USEC", "2000000"))) {
            notify.await(s -> s.equals("STATUS=startup"), Duration.ofSeconds(60));
            notify.await(s -> s.equals("STATUS=configure"), Duration.ofSeconds(30));
            notify.await(s -> s.equals("READY=1\nSTATUS=up"), Duration.ofSeconds(30));
            assertTrue(d.log().get(0).matches("jmultipathd \\S+: start up"), "-s: no timestamp: " + d.log().get(0));
            String wwid = fake.get(0).lun().wwid();
            d.awaitLog("^" + fake.get(0).dev() + " \\[\\d+:\\d+\\]: path added to devmap " + wwid + "$", Duration.ofSeconds(5));
            notify.await(s -> s.equals("WATCHDOG=1"), Duration.ofSeconds(3));
            notify.await(s -> s.equals("WATCHDOG=1"), Duration.ofSeconds(3));
            assertTrue(ask(sock, "show maps").contains(wwid));

            Files.writeString(conf, "defaults {\n    polling_interval 5\n"); // unbalanced
            d.signal("HUP");
            d.awaitLog("^reconfigure \\(signal\\)$", Duration.ofSeconds(10));
            String err = d.awaitLog("reconfigure: .*multipath\\.conf", Duration.ofSeconds(10));
            assertTrue(err.contains("keeping the running configuration"), err);
            notify.await(s -> s.equals("STATUS=configure\nRELOADING=1"), Duration.ofSeconds(5));
            notify.await(s -> s.equals("READY=1\nSTATUS=up"), Duration.ofSeconds(5));
            assertTrue(ask(sock, "show config").contains("polling_interval 2"), "the running configuration is kept");
            assertTrue(ask(sock, "show maps").contains(wwid), "still serving");

            Files.writeString(conf, CONFIG.replace("polling_interval 2", "polling_interval 3"));
            d.signal("HUP");
            d.awaitLog("^reconfigure: done$", Duration.ofSeconds(10));
            assertTrue(ask(sock, "show config").contains("polling_interval 3"), "the new configuration is in use");

            d.signal("TERM");
            d.awaitLog("^exit \\(signal\\)$", Duration.ofSeconds(10));
            notify.await(s -> s.equals("STATUS=shutdown\nSTOPPING=1"), Duration.ofSeconds(10));
            d.awaitLog("^jmultipathd: shut down$", Duration.ofSeconds(10));
            assertEquals(0, d.awaitExit(Duration.ofSeconds(20)));
            assertFalse(Files.exists(sock), "the socket file is removed");
        }
    }
}
