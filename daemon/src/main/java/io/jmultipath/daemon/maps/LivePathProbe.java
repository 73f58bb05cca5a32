package io.jmultipath.daemon.maps;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.Checkers;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.Prioritizers;
import io.jmultipath.checker.scsi.SgIo;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.host.HostRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Real checks through the checker module (SG_IO / O_DIRECT) for paths whose /dev node is a block
 * device; anything else (simulated trees) falls back to {@link SysfsPathProbe}.
 */
public final class LivePathProbe implements PathProbe {

    private static final Logger LOG = LoggerFactory.getLogger(LivePathProbe.class);
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;

    private final HostRoot root;
    private final java.util.function.Supplier<SgIo> sgioFactory;
    private SgIo sgio;
    private final SysfsPathProbe fallback = new SysfsPathProbe();

    /** @param sgioFactory creates the SG_IO transport on first real check (not for simulated trees) */
    public LivePathProbe(HostRoot root, java.util.function.Supplier<SgIo> sgioFactory) {
        this.root = root;
        this.sgioFactory = sgioFactory;
    }

    private synchronized SgIo sgio() {
        if (sgio == null) {
            sgio = sgioFactory.get();
        }
        return sgio;
    }

    public PathHandle handle(DiscoveredPath p) {
        return new PathHandle(p.dev(), root.dev().resolve(p.dev()), p.major(), p.minor(),
                root.sys().resolve(p.sysPath()).resolve("device"),
                Duration.ofSeconds(p.timeoutSeconds().filter(t -> t > 0).orElse(30)));
    }

    static boolean isBlockDevice(Path node) {
        try {
            Object mode = Files.getAttribute(node, "unix:mode");
            return mode instanceof Integer && (((Integer) mode) & S_IFMT) == S_IFBLK;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public CheckState check(DiscoveredPath p, String checker) {
        CheckState sysfs = fallback.check(p, checker);
        if (sysfs == CheckState.DOWN || !isBlockDevice(root.dev().resolve(p.dev()))) {
            return sysfs;
        }
        try {
            CheckResult r = Checkers.create(checker, sgio()).check(handle(p));
            return r.state() == CheckState.PENDING ? sysfs : r.state().effective();
        } catch (RuntimeException e) {
            LOG.warn("{}: checker {} failed: {}", p.dev(), checker, e.getMessage());
            return CheckState.DOWN;
        }
    }

    @Override
    public int priority(DiscoveredPath p, String prio, String args) {
        if (!isBlockDevice(root.dev().resolve(p.dev()))) {
            // simulated tree: const / sysfs / alua from what discovery just read from sysfs
            return fallback.priority(p, prio, args);
        }
        try {
            return Prioritizers.create(prio, sgio()).priority(handle(p), args);
        } catch (RuntimeException e) {
            LOG.debug("{}: prioritizer {} failed: {}", p.dev(), prio, e.getMessage());
            return fallback.priority(p, prio, args);
        }
    }
}
