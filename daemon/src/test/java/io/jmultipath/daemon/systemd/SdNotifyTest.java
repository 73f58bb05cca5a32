package io.jmultipath.daemon.systemd;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdNotifyTest {

    @Test
    void parsesEnvironment() {
        SdNotify n = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "20000000"), 5);
        assertTrue(n.enabled());
        assertEquals(Duration.ofSeconds(20), n.watchdog().orElseThrow());
        assertTrue(SdNotify.fromEnvironment(Map.of("WATCHDOG_USEC", "1000", "WATCHDOG_PID", "6"), 5).watchdog().isEmpty());
        assertFalse(SdNotify.fromEnvironment(Map.of(), 5).enabled());
        SdNotify.none().ready("up"); // no-op, no exception
    }

    /** A datagram receiver stands in for systemd (JDK 17 has no unix datagram channel: use a raw socket via Python). */
    @Test
    void sendsDatagrams(@TempDir Path tmp) throws Exception {
        Path sock = tmp.resolve("notify");
        ProcessBuilder pb = new ProcessBuilder("python3", "-c",
                "import socket,sys\n"
                + "s=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)\n"
                + "s.bind(sys.argv[1]); print('bound',flush=True)\n"
                + "s.settimeout(10)\n"
                + "for i in range(2): print(s.recv(4096).decode().replace('\\n','|'),flush=True)\n",
                sock.toString());
        Process p;
        try {
            p = pb.start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "python3 not available");
            return;
        }
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        assertEquals("bound", in.readLine());
        SdNotify n = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", sock.toString(), "WATCHDOG_USEC", "1000000"), 1);
        n.ready("up");
        n.watchdogPing();
        assertEquals("READY=1|STATUS=up", in.readLine());
        assertEquals("WATCHDOG=1", in.readLine());
        p.waitFor();
    }
}
