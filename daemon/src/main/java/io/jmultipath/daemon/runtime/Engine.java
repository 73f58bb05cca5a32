package io.jmultipath.daemon.runtime;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.schedule.CheckScheduler;
import io.jmultipath.checker.schedule.ScheduleInfo;
import io.jmultipath.config.Config;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.discovery.Discovery;
import io.jmultipath.daemon.discovery.SysfsReader;
import io.jmultipath.daemon.maps.LivePathProbe;
import io.jmultipath.daemon.topology.CheckTick;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.topology.Topology;
import io.jmultipath.daemon.uevent.MergedUevent;
import io.jmultipath.daemon.uevent.Uevent;
import io.jmultipath.daemon.uevent.UeventFilter;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DmException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's state machine. Every method runs on the ONE owner thread (or the test thread);
 * other threads only {@link #post(Runnable)} work to it. CLI reads use {@link #snapshot()}.
 * Loop shape: {@code runPending(); next = tick(now)}.
 */
public final class Engine {
    static final Logger LOG = LoggerFactory.getLogger("jmultipathd");
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    final EngineDeps deps;
    final Map<String, DiscoveredPath> discovered = new LinkedHashMap<>();
    final Map<String, Path> paths = new LinkedHashMap<>();
    final Map<String, MapRuntime> maps = new LinkedHashMap<>();
    final Set<String> manuallyFailed = new HashSet<>();
    /** WWIDs flushed by "del map": not recreated until "add map" or reconfigure. */
    final Set<String> suppressed = new HashSet<>();
    /** Paths the last reconciliation found blacklisted (beyond their device node name). */
    final Set<String> blacklisted = new HashSet<>();
    final PathPolicy policy;
    final Reconcile reconcile;
    private final UeventIntake uevents;
    private final LinkedBlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
    final CheckScheduler scheduler;
    private final LivePathProbe handles;
    private final Set<String> registered = new HashSet<>();
    /** The SCSI device state each path's last check read (dev_st), written by the checker threads. */
    private final Map<String, String> sysfsStates = new java.util.concurrent.ConcurrentHashMap<>();
    Config config;
    private volatile Snapshot snapshot;
    private volatile String state = "startup";
    /** A checker pass (tick) is running on the owner thread. */
    private volatile boolean checkerPass;
    private long nextSecond;
    private int syncCursor;
    private long publishIntervalNanos;
    private long lastPublish;
    private boolean dirty;
    boolean queueWithoutDaemon;
    volatile long reconciliations;

    public Engine(EngineDeps deps, Config config) {
        this.deps = deps;
        this.config = config;
        this.handles = new LivePathProbe(deps.root(), null);
        this.scheduler = new CheckScheduler(deps.clock(), deps.checkExecutor(), 64,
                (id, r) -> post(() -> onCheckResult(id, r)));
        this.policy = new PathPolicy(this);
        this.reconcile = new Reconcile(this);
        this.uevents = new UeventIntake(this);
        this.snapshot = new Snapshot(Topology.EMPTY, config, "startup");
        this.nextSecond = deps.clock().getAsLong() + SECOND;
        this.queueWithoutDaemon = yes(config.defaults("queue_without_daemon").value());
    }

    static boolean yes(String v) {
        return v.equals("yes") || v.equals("on") || v.equals("1");
    }

    // ---- messages --------------------------------------------------------------------------

    public void post(Runnable r) {
        mailbox.add(r);
    }

    /** Runs queued messages (waiting up to {@code wait} for the first); publishes once after. */
    public int runPending(Duration wait) throws InterruptedException {
        int n = 0;
        Runnable r = wait.isZero() ? mailbox.poll() : mailbox.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        while (r != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("internal error: {}", e.toString());
                LOG.debug("internal error", e);
            }
            n++;
            r = mailbox.poll();
        }
        publishIfDue();
        return n;
    }

    public int runPending() {
        try {
            return runPending(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * The state "show daemon" prints, read live as multipathd's unlocked handler does: "idle"
     * between checker passes, "running" during one, else startup/configure/shutdown.
     */
    public String daemonState() {
        String s = state;
        return s.equals("running") && !checkerPass ? "idle" : s;
    }

    void setState(String s) {
        state = s;
        dirty = true;
    }

    // ---- startup / discovery ---------------------------------------------------------------

    /** Discovery of every block device, then one reconciliation (adopting existing maps). */
    public void start() throws IOException {
        setState("configure");
        rediscover();
        reconcile.run("startup", false);
        setState("running");
        publishIfDirty();
    }

    /** A batch of (merged) uevents: update the discovered set, then ONE reconciliation. */
    public void onUevents(List<MergedUevent> batch) {
        uevents.onUevents(batch);
    }

    /**
     * Thread-safe: queues raw uevents. Batches that arrive while the owner is busy are merged
     * together and cost one reconciliation.
     */
    public void offerUevents(List<Uevent> batch) {
        List<Uevent> relevant = batch.stream().filter(UeventFilter::relevant).toList();
        if (relevant.size() < batch.size()) {
            LOG.debug("uevent: {} of {} events are no block disk with a plain kernel name, ignored",
                    batch.size() - relevant.size(), batch.size());
        }
        if (!relevant.isEmpty()) {
            uevents.offer(relevant);
        }
    }

    /** Each path's checker record for the metrics (written by the owner thread, read by scrapes). */
    private final Map<String, io.jmultipath.daemon.metrics.CheckStat> checkStats = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the metrics render: the CLI snapshot, the live daemon state, counters, checker records. */
    public io.jmultipath.daemon.metrics.MetricsView metricsView() {
        return new io.jmultipath.daemon.metrics.MetricsView(snapshot.topology(), daemonState(), ueventsReceived(),
                ueventsServiced(), reconciliations, checkStats);
    }

    /** Forgets the checker records of paths that left the topology (after a reconciliation). */
    void pruneCheckStats() {
        checkStats.keySet().retainAll(paths.keySet());
    }

    public long ueventsReceived() {
        return uevents.received;
    }

    public long ueventsServiced() {
        return uevents.serviced;
    }

    /** Uevents queued or being serviced (show status "busy: True"). */
    public boolean ueventsBusy() {
        return uevents.busy();
    }

    // ---- checker ---------------------------------------------------------------------------

    void syncCheckers() {
        Duration polling = Duration.ofSeconds(pollingInterval());
        Duration max = Duration.ofSeconds(maxPollingInterval());
        Set<String> want = new HashSet<>();
        for (Path p : paths.values()) {
            if (p.mapName().isEmpty()) {
                continue;
            }
            want.add(p.dev());
            if (registered.add(p.dev())) {
                PathHandle h = handles.handle(p.info());
                scheduler.register(p.dev(), h, new SysfsStateGate(deps.checkers().create(p.checker()), p.dev(), sysfsStates),
                        new CheckScheduler.Intervals(polling, max), p.mapName().get());
            }
        }
        for (String id : new ArrayList<>(registered)) {
            if (!want.contains(id)) {
                scheduler.unregister(id);
                registered.remove(id);
            }
        }
    }

    int pollingInterval() {
        return intSetting("polling_interval", 5);
    }

    int maxPollingInterval() {
        return intSetting("max_polling_interval", 4 * pollingInterval());
    }

    private int intSetting(String kw, int dflt) {
        try {
            int v = Integer.parseInt(config.defaults(kw).value().strip());
            return v > 0 ? v : dflt;
        } catch (RuntimeException e) {
            return dflt;
        }
    }

    void onCheckResult(String dev, CheckResult r) {
        Path p = paths.get(dev);
        if (p == null) {
            checkStats.remove(dev);
            return;
        }
        if (r.state() != CheckState.PENDING) {
            checkStats.merge(dev, io.jmultipath.daemon.metrics.CheckStat.NONE.plus(r.latency()),
                    (old, one) -> old.plus(r.latency()));
        }
        String st = sysfsStates.get(dev);
        if (st != null && !st.equals(p.info().sysfsState().orElse(""))) {
            p = new Path(withSysfsState(p.info(), st), p.checker(), p.state(), p.priority(), p.dmState(), p.failCount(),
                    p.mapName(), p.marginal(), p.nextCheck());
            paths.put(dev, p);
            discovered.computeIfPresent(dev, (k, d) -> withSysfsState(d, st));
            markDirty();
        }
        if (manuallyFailed.contains(dev)) {
            return;
        }
        CheckState ns = r.state().effective();
        if (ns == CheckState.PENDING) {
            return;
        }
        policy.onState(p, ns, r.message());
        mapOf(paths.get(dev)).ifPresent(m -> {
            if (m.lastSync != nextSecond) {
                m.lastSync = nextSecond;
                policy.syncFromKernel(m, true);
            }
        });
    }

    /** Kernel-side changes (dm event): re-read every map's status, note paths the kernel failed. */
    public void onDmEvent() {
        boolean gone = false;
        for (MapRuntime m : new ArrayList<>(maps.values())) {
            if (deps.dm().info(m.name).isEmpty()) {
                // removed behind our back (dmsetup remove, multipath -f): forget it, like uev_remove_map;
                // it comes back with "add map" or reconfigure
                LOG.info("{}: devmap removed", m.name);
                maps.remove(m.wwid);
                byName.remove(m.name);
                suppressed.add(m.wwid);
                gone = true;
                continue;
            }
            policy.syncFromKernel(m, true);
        }
        if (gone) {
            reconcile.run("map removed", false);
        }
    }

    // ---- timer -----------------------------------------------------------------------------

    /** Second-granularity work (no_path_retry and failback countdowns) plus due checks. */
    public long tick(long now) {
        checkerPass = true;
        try {
            return checkerTick(now);
        } finally {
            checkerPass = false;
        }
    }

    private long checkerTick(long now) {
        while (now - nextSecond >= 0) {
            nextSecond += SECOND;
            List<MapRuntime> all = new ArrayList<>(maps.values());
            for (MapRuntime m : all) {
                policy.secondTick(m);
            }
            refreshFromKernel(all);
            dirty |= !all.isEmpty(); // next_check counts down every second
        }
        long sched = scheduler.tick(now);
        publishIfDue();
        return sched - nextSecond < 0 ? sched : nextSecond;
    }

    /**
     * Re-reads some maps' kernel status each second, round robin, so every map is refreshed at
     * least once per polling_interval even when no dm event arrives (the kernel activating a path
     * group on I/O raises none): show topology's group and path states stay current.
     */
    private void refreshFromKernel(List<MapRuntime> all) {
        int n = all.size();
        if (n == 0) {
            return;
        }
        int budget = Math.min(n, Math.max(16, (n + pollingInterval() - 1) / pollingInterval()));
        for (int i = 0; i < budget; i++) {
            MapRuntime m = all.get(Math.floorMod(syncCursor++, n));
            if (m.lastSync != nextSecond) {
                m.lastSync = nextSecond;
                policy.syncFromKernel(m, true);
            }
        }
    }

    // ---- publishing ------------------------------------------------------------------------

    void markDirty() {
        dirty = true;
    }

    /**
     * At most one snapshot per publish interval (0 = after every batch of messages): building
     * one is O(paths), and check results arrive all the time on a big host.
     */
    public void publishInterval(Duration d) {
        publishIntervalNanos = d.toNanos();
    }

    boolean publishPending() {
        return dirty;
    }

    private void publishIfDue() {
        if (dirty && (publishIntervalNanos == 0 || deps.clock().getAsLong() - lastPublish >= publishIntervalNanos)) {
            publishIfDirty();
        }
    }

    /** Publishes now if anything changed (after CLI writes: a following read sees the change). */
    void publishIfDirty() {
        if (!dirty) {
            return;
        }
        lastPublish = deps.clock().getAsLong();
        dirty = false;
        List<MultipathMap> ms = new ArrayList<>();
        for (MapRuntime m : maps.values()) {
            ms.add(policy.view(m));
        }
        List<Path> ps = new ArrayList<>();
        for (Path p : paths.values()) {
            ps.add(withTick(p));
        }
        snapshot = new Snapshot(new Topology(ms, ps), config, state);
    }

    Path withTick(Path p) {
        if (p.mapName().isEmpty()) {
            return p.withNextCheck(Optional.empty());
        }
        Optional<ScheduleInfo> si = scheduler.info(p.dev());
        return p.withNextCheck(si.map(s -> new CheckTick((int) s.tick(), (int) s.checkint())));
    }

    /** Maps by name, rebuilt after each reconciliation. */
    final Map<String, MapRuntime> byName = new java.util.HashMap<>();

    Optional<MapRuntime> mapOf(Path p) {
        return p.mapName().map(byName::get);
    }

    Optional<MapRuntime> findMap(String key) {
        String k = key.startsWith("/dev/mapper/") ? key.substring(12) : key;
        for (MapRuntime m : maps.values()) {
            if (m.name.equals(k) || m.wwid.equals(k)
                    || m.map.dm().map(d -> ("dm-" + d.minor()).equals(k)).orElse(false)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    Optional<Path> findPath(String key) {
        String k = key.startsWith("/dev/") ? key.substring(5) : key;
        Path p = paths.get(k);
        if (p != null) {
            return Optional.of(p);
        }
        return paths.values().stream().filter(x -> x.devT().equals(k)).findFirst();
    }

    /** The discovered path with the SCSI device state a check just read. */
    static DiscoveredPath withSysfsState(DiscoveredPath d, String state) {
        return new DiscoveredPath(d.dev(), d.major(), d.minor(), d.bus(), d.protocol(), d.hcil(), d.sizeSectors(),
                d.readOnly(), d.vendor(), d.product(), d.revision(), d.serial(), d.wwid(), d.wwidSource(), d.candidates(),
                d.transport(), d.alua(), Optional.of(state), d.timeoutSeconds(), d.holders(), d.udevProperties(), d.sysPath());
    }

    static DevT devt(Path p) {
        return new DevT(p.info().major(), p.info().minor());
    }

    /** Sends a dm message; a failure is logged and reported false. */
    boolean message(MapRuntime m, String msg) {
        try {
            deps.dm().message(m.name, 0, msg);
            return true;
        } catch (DmException e) {
            LOG.warn("{}: message '{}' failed: {}", m.name, msg, e.getMessage());
            return false;
        }
    }

    public long reconciliations() {
        return reconciliations;
    }

    /** Every block device read again from sysfs (startup, and reconfigure as multipathd's configure()). */
    private void rediscover() throws IOException {
        Discovery.Result r = new Discovery(new SysfsReader(deps.root())).discover();
        r.warnings().forEach(w -> LOG.warn("{}", w));
        discovered.clear();
        for (DiscoveredPath p : r.paths()) {
            discovered.put(p.dev(), p);
        }
    }

    /**
     * Replaces the configuration (reconfigure): every path is discovered again and the maps
     * reconciled, as multipathd's reconfigure does; flushed maps and deleted paths may come back.
     */
    public void reconfigure(Config next, boolean all) {
        config = next;
        queueWithoutDaemon = yes(config.defaults("queue_without_daemon").value());
        suppressed.clear();
        setState("configure");
        try {
            rediscover();
        } catch (IOException ex) {
            LOG.warn("reconfigure: path discovery failed, keeping the known paths: {}", ex.getMessage());
        }
        reconcile.run(all ? "reconfigure all" : "reconfigure", all);
        setState("running");
    }

    /** On shutdown: unless queue_without_daemon, maps stop queueing (no daemon to end it). */
    public void shutdown() {
        setState("shutdown");
        if (!queueWithoutDaemon) {
            for (MapRuntime m : maps.values()) {
                message(m, "fail_if_no_path");
            }
        }
        publishIfDirty();
    }

    public CheckScheduler scheduler() {
        return scheduler;
    }
}
