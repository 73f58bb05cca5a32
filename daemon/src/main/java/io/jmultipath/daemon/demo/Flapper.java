package io.jmultipath.daemon.demo;

import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's "SAN": every second some I/O on every map (so the emulated kernel picks paths and
 * notices failures); every 30 s one path goes away (its /dev node is moved aside, so directio
 * fails; the emulated kernel gets I/O errors on it) or comes back.
 */
final class Flapper {
    private static final Logger LOG = LoggerFactory.getLogger("demo");
    private final HostRoot root;
    private final EmulatedDeviceMapper dm;
    private final FakePath victim;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-san");
        t.setDaemon(true);
        return t;
    });
    private boolean down;

    Flapper(HostRoot root, EmulatedDeviceMapper dm, FakePath victim, List<DevT> all) {
        this.root = root;
        this.dm = dm;
        this.victim = victim;
    }

    void start() {
        timer.scheduleAtFixedRate(this::io, 1, 1, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::flap, 30, 30, TimeUnit.SECONDS);
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
                Files.move(node, aside, StandardCopyOption.REPLACE_EXISTING);
                dm.setPathIoError(dev, true);
                LOG.info("demo: {} unplugged (cable pulled)", victim.dev());
            } else {
                Files.move(aside, node, StandardCopyOption.REPLACE_EXISTING);
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
    }
}
