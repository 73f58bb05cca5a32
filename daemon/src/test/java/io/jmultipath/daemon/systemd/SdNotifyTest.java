package io.jmultipath.daemon.systemd;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import io.jmultipath.daemon.testing.NotifyListener;
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

    /** A unix datagram socket stands in for systemd's $NOTIFY_SOCKET. */
    @Test
    void sendsDatagrams(@TempDir Path tmp) throws Exception {
        try (NotifyListener l = new NotifyListener(tmp.resolve("notify"))) {
            SdNotify n = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", l.path().toString(), "WATCHDOG_USEC", "1000000"), 1);
            n.ready("up");
            n.watchdogPing();
            n.stopping();
            assertEquals("READY=1\nSTATUS=up", l.await(s -> true, Duration.ofSeconds(5)));
            assertEquals("WATCHDOG=1", l.await(s -> true, Duration.ofSeconds(5)));
            assertEquals("STOPPING=1", l.await(s -> true, Duration.ofSeconds(5)));
            SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", tmp.resolve("nobody").toString()), 1).ready("up"); // no exception
        }
    }
}
