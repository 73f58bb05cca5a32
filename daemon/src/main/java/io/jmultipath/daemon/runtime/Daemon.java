package io.jmultipath.daemon.runtime;

import io.jmultipath.config.ConfigException;
import io.jmultipath.config.LoadResult;
import io.jmultipath.daemon.server.CliDispatcher;
import io.jmultipath.daemon.server.CliServer;
import io.jmultipath.daemon.server.Reply;
import io.jmultipath.daemon.systemd.SdNotify;
import io.jmultipath.daemon.uevent.Uevent;
import io.jmultipath.daemon.uevent.UeventSource;
import io.jmultipath.dmctl.DmEvents;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Composition of the running daemon: the engine's owner loop, the uevent listener, the dm event
 * waiter and the CLI server, each a service with start/stop; stopped in reverse order.
 */
public final class Daemon implements DaemonControl, AutoCloseable {
    private final Engine engine;
    private final ConfigSource configSource;
    private final UeventSource uevents;
    private final SdNotify notify;
    private final List<String> sockets;
    private final Duration socketTimeout;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stop;
    private CliServer server;

    public Daemon(Engine engine, ConfigSource configSource, UeventSource uevents, SdNotify notify,
                  List<String> sockets) {
        this.engine = engine;
        this.configSource = configSource;
        this.uevents = uevents;
        this.notify = notify;
        this.sockets = sockets;
        int ms = 4000;
        try {
            ms = Integer.parseInt(engine.config.defaults("uxsock_timeout").value().strip());
        } catch (RuntimeException e) {
            Engine.LOG.debug("uxsock_timeout: {}", e.toString());
        }
        this.socketTimeout = Duration.ofMillis(ms);
    }

    public Engine engine() {
        return engine;
    }

    /** Discovery + reconciliation, then the CLI socket and the loops. Throws if a socket cannot be bound. */
    public void start() throws IOException {
        notify.status("startup");
        Engine.LOG.info("jmultipathd {}: start up", version());
        notify.status("configure");
        engine.start();
        server = new CliServer(new CliDispatcher(new RuntimeCommands(engine, this, socketTimeout)), socketTimeout);
        try {
            for (String s : sockets) {
                server.bind(s);
            }
        } catch (IOException e) {
            server.close();
            throw e;
        }
        threads.add(service("uevent-listener", this::ueventLoop));
        threads.add(service("dmevents", this::dmEventLoop));
        threads.add(service("checker-loop", this::ownerLoop));
        notify.ready("up");
    }

    /** The version Maven recorded in the jar (pom.properties), "dev" when run from classes. */
    public static String version() {
        try (var in = Daemon.class.getResourceAsStream("/META-INF/maven/io.jmultipath/jmultipath-daemon/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return "v" + p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            Engine.LOG.debug("version: {}", e.toString());
        }
        return "dev";
    }

    private Thread service(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** How often the CLI's snapshot is rebuilt at most while things change. */
    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(200);

    private void ownerLoop() {
        long lastPing = 0;
        long pingEvery = notify.watchdog().map(d -> d.toNanos() / 2).orElse(Long.MAX_VALUE);
        engine.publishInterval(PUBLISH_INTERVAL);
        try {
            while (!stop) {
                long now = engine.deps.clock().getAsLong();
                long next;
                try {
                    next = engine.tick(now);
                } catch (RuntimeException e) {
                    Engine.LOG.warn("checker loop: {}", e.toString());
                    next = now + 1_000_000_000L;
                }
                long bound = engine.publishPending() ? PUBLISH_INTERVAL.toNanos() : 1_000_000_000L;
                long wait = Math.max(1_000_000L, Math.min(next - engine.deps.clock().getAsLong(),
                        Math.min(bound, pingEvery)));
                engine.runPending(Duration.ofNanos(wait));
                if (now - lastPing >= pingEvery) {
                    notify.watchdogPing();
                    lastPing = now;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            engine.shutdown();
            Engine.LOG.info("jmultipathd: shut down");
            stopped.countDown();
        }
    }

    private void ueventLoop() {
        while (!stop) {
            try {
                List<Uevent> b = uevents.receive(Duration.ofMillis(500), 1000);
                if (!b.isEmpty()) {
                    engine.offerUevents(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                Engine.LOG.warn("uevent listener: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void dmEventLoop() {
        try (DmEvents ev = engine.deps.dm().events()) {
            while (!stop) {
                if (ev.await(Duration.ofSeconds(1))) {
                    engine.post(engine::onDmEvent);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Engine.LOG.warn("dmevents: {} (kernel-side path failures are noticed by the checkers only)", e.getMessage());
        }
    }

    private static void sleepQuietly() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on the owner thread (posted by the CLI or SIGHUP). */
    @Override
    public Reply reconfigure(boolean all) {
        notify.send("STATUS=configure\nRELOADING=1");
        try {
            LoadResult r = configSource.load();
            r.warnings().forEach(w -> Engine.LOG.warn("{}", w));
            engine.reconfigure(r.config(), all);
            Engine.LOG.info("reconfigure: done");
            return Reply.ok();
        } catch (ConfigException e) {
            Engine.LOG.error("reconfigure: {} (keeping the running configuration)", e.getMessage());
            return Reply.fail(e.getMessage());
        } finally {
            engine.publishIfDirty(); // the next read sees the new configuration
            notify.ready("up");
        }
    }

    /** SIGHUP. */
    public void requestReconfigure() {
        Engine.LOG.info("reconfigure (signal)");
        engine.post(() -> reconfigure(false));
    }

    /** SIGTERM / SIGINT. */
    public synchronized void signalShutdown() {
        if (!stop) { // a second signal (or the demo's own hook) while stopping says nothing new
            Engine.LOG.info("exit (signal)");
        }
        shutdown();
    }

    @Override
    public synchronized void shutdown() {
        if (!stop) {
            notify.send("STATUS=shutdown\nSTOPPING=1");
            stop = true;
        }
    }

    /** Blocks until shutdown completed. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        shutdown();
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                Engine.LOG.warn("owner loop did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) {
            server.close();
        }
        uevents.close();
        for (Thread t : threads) {
            t.interrupt();
        }
    }
}
