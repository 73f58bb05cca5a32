package io.jmultipath.daemon.demo;

import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's "SAN": every second some I/O on every map (so the emulated kernel picks paths and
 * notices failures); every 30 s one path goes away or comes back. Going away = its /dev node is
 * moved aside (directio fails) and the emulated kernel gets I/O errors on it; without O_DIRECT its
 * SCSI device state becomes "offline" instead (what the kernel does when a transport is lost).
 */
final class Flapper {
    private static final Logger LOG = LoggerFactory.getLogger("demo");
    /** Seconds between flaps: 30, or the {@code jm.demo.flap} system property (tests). */
    static final int PERIOD_SECONDS = Integer.getInteger("jm.demo.flap", 30);
    private final HostRoot root;
    private final SanTreeWriter writer;
    private final EmulatedDeviceMapper dm;
    private final FakePath victim;
    private final boolean viaSysfsState;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-san");
        t.setDaemon(true);
        return t;
    });
    private boolean down;

    Flapper(HostRoot root, SanTreeWriter writer, EmulatedDeviceMapper dm, FakePath victim, boolean viaSysfsState) {
        this.root = root;
        this.writer = writer;
        this.dm = dm;
        this.victim = victim;
        this.viaSysfsState = viaSysfsState;
    }

    void start() {
        timer.scheduleAtFixedRate(this::io, 1, 1, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::flap, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void io() {
        try {
            for (DmDevice d : dm.list()) {
                dm.submitIo(d.name(), 4096);
            }
        } catch (RuntimeException e) {
            LOG.debug("demo I/O: {}", e.toString());
        }
    }

    private void flap() {
        Path node = root.dev().resolve(victim.dev());
        Path aside = root.dev().resolve("." + victim.dev() + ".unplugged");
        DevT dev = new DevT(victim.major(), victim.minor());
        try {
            if (!down) {
                if (viaSysfsState) {
                    writer.setState(victim, "offline");
                } else {
                    Files.move(node, aside, StandardCopyOption.REPLACE_EXISTING);
                }
                dm.setPathIoError(dev, true);
                LOG.info("demo: {} unplugged (cable pulled)", victim.dev());
            } else {
                if (viaSysfsState) {
                    writer.setState(victim, "running");
                } else {
                    Files.move(aside, node, StandardCopyOption.REPLACE_EXISTING);
                }
                dm.setPathIoError(dev, false);
                LOG.info("demo: {} plugged back in", victim.dev());
            }
            down = !down;
        } catch (IOException | RuntimeException e) {
            LOG.warn("demo: flapping {} failed: {}", victim.dev(), e.toString());
        }
    }

    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
