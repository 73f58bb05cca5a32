package io.jmultipath.daemon.runtime;

import io.jmultipath.checker.CheckerRegistry;
import io.jmultipath.checker.scsi.SgIo;
import io.jmultipath.checker.scsi.SgIos;
import io.jmultipath.config.ConfigException;
import io.jmultipath.config.LoadResult;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.LivePathProbe;
import io.jmultipath.daemon.metrics.MetricsOptions;
import io.jmultipath.daemon.metrics.MetricsPublisher;
import io.jmultipath.daemon.server.SocketNames;
import io.jmultipath.daemon.systemd.SdNotify;
import io.jmultipath.daemon.uevent.NetlinkUeventSource;
import io.jmultipath.daemon.uevent.ReplayUeventSource;
import io.jmultipath.daemon.uevent.UeventSource;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DeviceMappers;
import io.jmultipath.dmctl.DmException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root of the real daemon (and the demo's, with a simulated host). */
public final class DaemonLauncher {
    private DaemonLauncher() {
    }

    public static int run(DaemonOptions o) {
        Logger log = LoggerFactory.getLogger("jmultipathd");
        if (o.demo()) {
            return io.jmultipath.daemon.demo.Demo.run(o);
        }
        HostRoot root = o.root().map(HostRoot::new).orElse(HostRoot.system());
        DeviceMapper dm;
        try {
            dm = DeviceMappers.open(o.dm());
        } catch (DmException | IllegalArgumentException e) {
            log.error("{}", e.getMessage());
            return 1;
        }
        UeventSource src;
        try {
            src = root.isSystem()
                    ? NetlinkUeventSource.open(NetlinkUeventSource.defaultGroups(root.resolve("/run/udev/control")))
                    : new ReplayUeventSource();
        } catch (IOException e) {
            log.error("uevent listener: {}", e.getMessage());
            return 1;
        }
        List<String> sockets = SocketNames.listen(o.socket(), System.getenv());
        return runDaemon(root, dm, src, sockets, new ConfigSource(o.config(), root), () -> { }, o.metrics());
    }

    /** Starts the daemon and blocks until it is shut down (SIGTERM, SIGINT, "shutdown"). */
    public static int runDaemon(HostRoot root, DeviceMapper dm, UeventSource src, List<String> sockets, ConfigSource cs) {
        return runDaemon(root, dm, src, sockets, cs, () -> { });
    }

    /** As above; {@code onReady} runs once the CLI sockets listen. */
    public static int runDaemon(HostRoot root, DeviceMapper dm, UeventSource src, List<String> sockets, ConfigSource cs,
                                Runnable onReady) {
        return runDaemon(root, dm, src, sockets, cs, onReady, MetricsOptions.NONE);
    }

    /**
     * As above, publishing metrics as {@code metrics} asks. A metrics listener that cannot start is
     * an error in the log, not a reason to leave the host's storage without its daemon.
     */
    public static int runDaemon(HostRoot root, DeviceMapper dm, UeventSource src, List<String> sockets, ConfigSource cs,
                                Runnable onReady, MetricsOptions metrics) {
        Logger log = LoggerFactory.getLogger("jmultipathd");
        LoadResult lr;
        try {
            lr = cs.load();
        } catch (ConfigException e) {
            log.error("{}", e.getMessage());
            return 1;
        }
        lr.warnings().forEach(w -> log.warn("{}", w));
        SgIo sg = SgIos.kernel();
        ExecutorService checks = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "checker");
            t.setDaemon(true);
            return t;
        });
        CheckerRegistry checkers = new CheckerRegistry(sg);   // one checker (one bounded worker pool) per name
        EngineDeps deps = new EngineDeps(root, dm, System::nanoTime, checkers::get, checks,
                new LivePathProbe(root, () -> sg));
        Engine engine = new Engine(deps, lr.config());
        Daemon d = new Daemon(engine, cs, src, SdNotify.fromEnvironment(System.getenv(), ProcessHandle.current().pid()),
                sockets);
        Signals.install(d);
        MetricsPublisher published = null;
        try {
            d.start();
            if (metrics.any()) {
                try {
                    published = MetricsPublisher.start(metrics, engine::metricsView,
                            java.time.Duration.ofSeconds(engine.pollingInterval()));
                } catch (IOException e) {
                    log.error("{} (running without metrics)", e.getMessage());
                }
            }
            onReady.run();
            d.awaitStopped();
            return 0;
        } catch (IOException e) {
            log.error("failed to create cli listener: {}", e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (published != null) {
                published.close();
            }
            d.close();
            checks.shutdownNow();
            dm.close();
        }
    }
}
