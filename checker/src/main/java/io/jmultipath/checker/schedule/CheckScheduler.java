package io.jmultipath.checker.schedule;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Path check scheduling, multipathd style: per-path interval starting at polling_interval,
 * doubled while the path stays UP/GHOST up to max_polling_interval, reset on any change;
 * PENDING re-checked after {@link SchedulerOptions#pendingRecheck()}; each phase group (map)
 * gets its own phase inside the polling interval; at most maxInFlight checks run at once and
 * never two of the same path; a check running past its timeout is reported TIMEOUT, and while it
 * stays stuck further checks of that path report TIMEOUT without starting anything.
 * <p>Driven by {@link #tick(long)}; results arrive on executor threads and are passed to the sink
 * (outside the scheduler's lock). Thread-safe.
 */
public final class CheckScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(CheckScheduler.class);
    private static final double GOLDEN = 0.6180339887498949;
    private static final long IDLE = Duration.ofSeconds(1).toNanos();
    private static final long SATURATED_POLL = Duration.ofMillis(5).toNanos();

    private record Slot(long at, long version, PathEntry e) {
    }

    private final LongSupplier clock;
    private final ExecutorService executor;
    private final int maxInFlight;
    private final ResultSink sink;
    private final long pendingRecheck;
    private final long grace;
    private final long epoch;
    private final Object lock = new Object();
    private final Map<String, PathEntry> entries = new HashMap<>();
    private final PriorityQueue<Slot> queue = new PriorityQueue<>(
        (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : a.e.id.compareTo(b.e.id));
    private final Set<PathEntry> running = new LinkedHashSet<>();
    private final Map<String, Integer> groupSlots = new HashMap<>();
    private final LatencyHistogram lateness = new LatencyHistogram();
    private int inFlight;
    private int stuck;
    private long started;
    private long completed;
    private long timeouts;
    private long tokens;

    public CheckScheduler(LongSupplier nanoClock, ExecutorService checkExecutor, int maxInFlight, ResultSink sink) {
        this(nanoClock, checkExecutor, maxInFlight, sink, SchedulerOptions.defaults());
    }

    public CheckScheduler(LongSupplier nanoClock, ExecutorService checkExecutor, int maxInFlight,
                          ResultSink sink, SchedulerOptions options) {
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.executor = Objects.requireNonNull(checkExecutor, "checkExecutor");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1: " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.pendingRecheck = options.pendingRecheck().toNanos();
        this.grace = options.timeoutGrace().toNanos();
        this.epoch = nanoClock.getAsLong();
    }

    /** Registers a path in its own phase group (its id). */
    public void register(String pathId, PathHandle h, PathChecker c, Duration pollingInterval, Duration maxPollingInterval) {
        register(pathId, h, c, new Intervals(pollingInterval, maxPollingInterval), pathId);
    }

    /** Polling and max polling interval of one path. */
    public record Intervals(Duration polling, Duration max) {
        public Intervals {
            if (polling.isNegative() || polling.isZero() || max.compareTo(polling) < 0) {
                throw new IllegalArgumentException("bad polling intervals " + polling + " / " + max);
            }
        }
    }

    /**
     * Registers (or replaces) a path; paths sharing phaseGroup (e.g. the map name) are checked at
     * the same phase, different groups are spread over the polling interval. The first check is
     * due at the group's next phase point (call {@link #checkSoon} to check at once).
     */
    public void register(String pathId, PathHandle h, PathChecker c, Intervals iv, String phaseGroup) {
        Objects.requireNonNull(pathId, "pathId");
        Objects.requireNonNull(h, "handle");
        Objects.requireNonNull(c, "checker");
        Objects.requireNonNull(phaseGroup, "phaseGroup");
        long poll = iv.polling().toNanos();
        synchronized (lock) {
            unregisterLocked(pathId);
            int slot = groupSlots.computeIfAbsent(phaseGroup, g -> groupSlots.size());
            long phase = (long) (((slot * GOLDEN) % 1.0) * poll);
            PathEntry e = new PathEntry(pathId, h, c, poll, iv.max().toNanos(), phase, phaseGroup);
            entries.put(pathId, e);
            long now = clock.getAsLong();
            scheduleLocked(e, snap(e, now, 0));
        }
    }

    public void unregister(String pathId) {
        synchronized (lock) {
            unregisterLocked(pathId);
        }
    }

    private void unregisterLocked(String pathId) {
        PathEntry e = entries.remove(pathId);
        if (e == null) {
            return;
        }
        e.version++;
        if (e.running()) {
            running.remove(e);
            if (e.expired) {
                stuck--;
            } else {
                inFlight--;
            }
            e.runToken = 0;
        }
    }

    /** Makes the path due now (no effect on a check already running). */
    public void checkSoon(String pathId) {
        synchronized (lock) {
            PathEntry e = entries.get(pathId);
            if (e != null && !e.running()) {
                scheduleLocked(e, clock.getAsLong());
            }
        }
    }

    /** Starts due checks, expires overdue ones; returns the next deadline (nanos). */
    public long tick(long nowNanos) {
        List<Runnable> work = new ArrayList<>();
        long next;
        synchronized (lock) {
            expireLocked(nowNanos, work);
            startDueLocked(nowNanos, work);
            next = nextDeadlineLocked(nowNanos);
        }
        work.forEach(Runnable::run);
        return next;
    }

    public Optional<ScheduleInfo> info(String pathId) {
        synchronized (lock) {
            PathEntry e = entries.get(pathId);
            if (e == null) {
                return Optional.empty();
            }
            long now = clock.getAsLong();
            long s = 1_000_000_000L;
            long tick = Math.max(0, (e.dueAt - now + s - 1) / s);
            return Optional.of(new ScheduleInfo(tick, e.checkint / s, e.running()));
        }
    }

    public SchedulerStats stats() {
        synchronized (lock) {
            return new SchedulerStats(entries.size(), inFlight, stuck, started, completed, timeouts,
                lateness.quantile(0.5), lateness.quantile(0.99), lateness.max());
        }
    }

    private void scheduleLocked(PathEntry e, long at) {
        e.dueAt = at;
        e.version++;
        queue.add(new Slot(at, e.version, e));
    }

    /** First point of the path's phase grid at or after (from + delay - poll/2), never before from. */
    private long snap(PathEntry e, long from, long delay) {
        long target = from + delay - (delay == 0 ? 0 : e.poll / 2);
        long rel = target - epoch - e.phase;
        long k = Math.floorDiv(rel + e.poll - 1, e.poll);
        return Math.max(from, epoch + e.phase + k * e.poll);
    }

    private void expireLocked(long now, List<Runnable> work) {
        for (PathEntry e : running) {
            if (!e.expired && now >= e.expiry(grace)) {
                e.expired = true;
                inFlight--;
                stuck++;
                CheckResult r = new CheckResult(CheckState.TIMEOUT, e.checker.name() + " checker timed out",
                    Duration.ofNanos(now - e.startedAt));
                LOG.info("{}: {} checker timed out after {} ms", e.handle.devName(), e.checker.name(),
                    (now - e.startedAt) / 1_000_000);
                applyLocked(e, r, now, work);
            }
        }
    }

    private void startDueLocked(long now, List<Runnable> work) {
        while (!queue.isEmpty() && queue.peek().at <= now) {
            Slot s = queue.peek();
            PathEntry e = s.e;
            if (s.version != e.version || entries.get(e.id) != e) {
                queue.poll();
                continue;
            }
            if (e.running()) {
                queue.poll();
                if (e.expired) {   // stuck: report TIMEOUT again, start nothing
                    applyLocked(e, new CheckResult(CheckState.TIMEOUT, e.checker.name() + " checker timed out",
                        Duration.ofNanos(now - e.startedAt)), now, work);
                }
                continue;          // a live check will reschedule the path when it completes
            }
            if (inFlight >= maxInFlight) {
                return;
            }
            queue.poll();
            startLocked(e, now, work);
        }
    }

    private void startLocked(PathEntry e, long now, List<Runnable> work) {
        long token = ++tokens;
        e.runToken = token;
        e.startedAt = now;
        e.expired = false;
        e.dueWhenStarted = e.dueAt;
        e.version++;
        inFlight++;
        started++;
        running.add(e);
        lateness.record(now - e.dueAt);
        work.add(() -> submit(e, token));
    }

    private void submit(PathEntry e, long token) {
        try {
            executor.execute(() -> runCheck(e, token));
        } catch (RejectedExecutionException ex) {
            complete(e, token, new CheckResult(CheckState.UNCHECKED,
                e.checker.name() + " checker could not be started: executor rejected it", Duration.ZERO));
        }
    }

    private void runCheck(PathEntry e, long token) {
        complete(e, token, SafeCheck.run(e));
    }

    private void complete(PathEntry e, long token, CheckResult r) {
        List<Runnable> work = new ArrayList<>();
        synchronized (lock) {
            if (e.runToken != token || entries.get(e.id) != e) {
                return;                                   // unregistered or replaced meanwhile
            }
            long now = clock.getAsLong();
            running.remove(e);
            e.runToken = 0;
            if (e.expired) {
                stuck--;
                e.expired = false;
            } else {
                inFlight--;
            }
            completed++;
            applyLocked(e, r.withLatency(Duration.ofNanos(Math.max(0, now - e.startedAt))), now, work);
            startDueLocked(now, work);                   // work-conserving: fill the freed slot
        }
        work.forEach(Runnable::run);
    }

    private void applyLocked(PathEntry e, CheckResult r, long now, List<Runnable> work) {
        CheckState s = r.state();
        if (s == CheckState.TIMEOUT) {
            timeouts++;
        }
        e.adjustInterval(s);
        if (s != CheckState.PENDING) {
            e.last = s;                                   // like multipathd, PENDING keeps pp->state
        }
        long at = s == CheckState.PENDING ? now + pendingRecheck : snap(e, now, e.checkint);
        scheduleLocked(e, at);
        work.add(() -> deliver(e.id, r));
    }

    private void deliver(String id, CheckResult r) {
        try {
            sink.onResult(id, r);
        } catch (RuntimeException ex) {
            LOG.warn("{}: result sink failed: {}", id, ex.toString(), ex);
        }
    }

    private long nextDeadlineLocked(long now) {
        long next = now + IDLE;
        for (PathEntry e : running) {
            if (!e.expired) {
                next = Math.min(next, e.expiry(grace));
            }
        }
        while (!queue.isEmpty()) {
            Slot s = queue.peek();
            if (s.version != s.e.version || entries.get(s.e.id) != s.e) {
                queue.poll();
                continue;
            }
            if (s.at > now || inFlight < maxInFlight) {
                next = Math.min(next, Math.max(s.at, now));
            } else {
                // saturated: completions start the due backlog themselves, but checks falling due
                // later need this loop, and we cannot see past the backlog in the heap: poll soon
                next = Math.min(next, now + SATURATED_POLL);
            }
            break;
        }
        return next;
    }
}
