package io.jmultipath.daemon.systemd;

import io.jmultipath.daemon.systemd.jna.UnixDatagram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sd_notify(3) without libsystemd: datagrams to $NOTIFY_SOCKET. A daemon not started by
 * systemd gets a no-op instance. Sending never throws; a failure is logged once at debug.
 */
public final class SdNotify {
    private static final Logger LOG = LoggerFactory.getLogger(SdNotify.class);

    private final Optional<String> socket;
    private final Optional<Duration> watchdog;

    SdNotify(Optional<String> socket, Optional<Duration> watchdog) {
        this.socket = socket;
        this.watchdog = watchdog;
    }

    /** From the environment: NOTIFY_SOCKET, WATCHDOG_USEC (+ WATCHDOG_PID must match pid if set). */
    public static SdNotify fromEnvironment(Map<String, String> env, long pid) {
        Optional<String> s = Optional.ofNullable(env.get("NOTIFY_SOCKET")).filter(v -> !v.isEmpty());
        Optional<Duration> wd = Optional.empty();
        String usec = env.get("WATCHDOG_USEC");
        String wpid = env.get("WATCHDOG_PID");
        if (usec != null && (wpid == null || wpid.equals(Long.toString(pid)))) {
            try {
                long us = Long.parseLong(usec.strip());
                if (us > 0) {
                    wd = Optional.of(Duration.ofNanos(us * 1000));
                }
            } catch (NumberFormatException e) {
                LOG.warn("WATCHDOG_USEC: not a number: {}", usec);
            }
        }
        return new SdNotify(s, wd);
    }

    public static SdNotify none() {
        return new SdNotify(Optional.empty(), Optional.empty());
    }

    public boolean enabled() {
        return socket.isPresent();
    }

    /** The watchdog timeout systemd expects pings within (ping at half of it). */
    public Optional<Duration> watchdog() {
        return watchdog;
    }

    public void ready(String status) {
        send("READY=1\nSTATUS=" + status);
    }

    public void status(String status) {
        send("STATUS=" + status);
    }

    public void reloading() {
        send("RELOADING=1");
    }

    public void stopping() {
        send("STOPPING=1");
    }

    public void watchdogPing() {
        if (watchdog.isPresent()) {
            send("WATCHDOG=1");
        }
    }

    /** Raw state string (newline-separated assignments). */
    public void send(String state) {
        if (socket.isEmpty()) {
            return;
        }
        try {
            UnixDatagram.send(socket.get(), state.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("sd_notify: {}", e.getMessage());
        }
    }
}
