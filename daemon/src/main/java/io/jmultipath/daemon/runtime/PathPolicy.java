package io.jmultipath.daemon.runtime;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.topology.DmPathState;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.topology.PathGroup;
import io.jmultipath.daemon.topology.PgState;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.DmTarget;
import io.jmultipath.dmctl.MultipathStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a path state change means for its map (multipathd check_path / update_multipath):
 * fail/reinstate in the kernel, no_path_retry recovery mode, failback policies, counters.
 */
final class PathPolicy {
    private final Engine e;

    PathPolicy(Engine e) {
        this.e = e;
    }

    /** A new checker verdict for a path. */
    void onState(Path p, CheckState ns, String message) {
        CheckState old = p.state();
        Path np = p.withState(ns);
        e.paths.put(p.dev(), np);
        e.markDirty();
        Optional<MapRuntime> mo = e.mapOf(np);
        if (mo.isEmpty()) {
            return;
        }
        MapRuntime m = mo.get();
        boolean up = ns == CheckState.UP || ns == CheckState.GHOST;
        if (old != ns) {
            logChecker(m, np, message);
        }
        if (!up && np.dmState() != DmPathState.FAILED) {
            failPath(m, np, "checker failed path " + np.devT() + " in map " + m.name);
        } else if (up && (np.dmState() == DmPathState.FAILED || !isUp(old))) {
            reinstatePath(m, np, old);
        }
    }

    /** LOG_MSG: "mpatha: sdb - directio checker reports path is down" (offline: "… - path offline"). */
    private static void logChecker(MapRuntime m, Path p, String message) {
        if (p.sysfsOffline() || "path offline".equals(message)) {
            Engine.LOG.info("{}: {} - path offline", m.name, p.dev());
        } else if (message != null && !message.isEmpty()) {
            Engine.LOG.info("{}: {} - {}", m.name, p.dev(), message);
        }
    }

    static boolean isUp(CheckState s) {
        return s == CheckState.UP || s == CheckState.GHOST;
    }

    void failPath(MapRuntime m, Path p, String why) {
        Engine.LOG.info("{}", why);
        if (e.message(m, "fail_path " + p.devT())) {
            m.pathFaults++;
        }
        syncFromKernel(m, false);
        int active = activePaths(m);
        Engine.LOG.info("{}: remaining active paths: {}", m.name, active);
        if (active == 0) {
            enterRecovery(m);
        }
    }

    void reinstatePath(MapRuntime m, Path p, CheckState old) {
        if (!e.message(m, "reinstate_path " + p.devT())) {
            return;
        }
        Engine.LOG.info("{}: reinstated", p.devT());
        syncFromKernel(m, false);
        Engine.LOG.info("{}: remaining active paths: {}", m.name, activePaths(m));
        leaveRecovery(m);
        failback(m, p, old);
    }

    int activePaths(MapRuntime m) {
        int n = 0;
        for (Path p : m.map.paths()) {
            Path cur = e.paths.get(p.dev());
            if (cur != null && isUp(cur.state()) && cur.dmState() != DmPathState.FAILED) {
                n++;
            }
        }
        return n;
    }

    void enterRecovery(MapRuntime m) {
        if (m.queueingDisabled) {
            return;
        }
        OptionalInt n = m.noPathRetryCount();
        if (n.isPresent() && !m.inRecovery) {
            m.inRecovery = true;
            m.retryTick = n.getAsInt() * e.pollingInterval();
            m.queueingTimeouts++; // multipathd counts q_timeouts when recovery starts
            Engine.LOG.error("{}: Entering recovery mode: max_retries={}", m.name, n.getAsInt());
        } else if (m.settings.noPathRetry().map(s -> s.strip().equals("fail")).orElse(false)) {
            e.message(m, "fail_if_no_path");
        }
    }

    void leaveRecovery(MapRuntime m) {
        if (!m.inRecovery && m.retryTick == 0) {
            return;
        }
        m.inRecovery = false;
        m.retryTick = 0;
        if (!m.queueingDisabled && (m.noPathRetryCount().isPresent() || m.queuesForever())) {
            e.message(m, "queue_if_no_path");
            Engine.LOG.info("{}: queue_if_no_path enabled", m.name);
        }
        Engine.LOG.error("{}: Recovered to normal mode", m.name);
    }

    /** Once per second: recovery countdown and deferred failback. */
    void secondTick(MapRuntime m) {
        if (m.inRecovery && m.retryTick > 0) {
            m.totalQueueingTime++;
            if (--m.retryTick == 0) {
                m.mapFailures++;
                e.message(m, "fail_if_no_path");
                Engine.LOG.info("{}: Disable queueing", m.name);
            }
            e.markDirty();
        }
        if (m.failbackTick > 0) {
            if (--m.failbackTick == 0) {
                switchToBest(m);
            }
            e.markDirty();
        }
    }

    private void failback(MapRuntime m, Path p, CheckState old) {
        String fb = m.settings.failback().strip();
        OptionalInt secs = m.failbackSeconds();
        if (fb.equals("immediate")) {
            switchToBest(m);
        } else if (fb.equals("followover")) {
            int best = bestGroup(m);
            List<PathGroup> gs = m.map.groups();
            if (best >= 1 && best <= gs.size() && gs.get(best - 1).paths().stream().anyMatch(x -> x.dev().equals(p.dev()))
                    && enabledInGroup(gs.get(best - 1)) == 1 && !isUp(old)) {
                switchToBest(m);
            }
        } else if (secs.isPresent() && m.failbackTick == 0) {
            m.failbackTick = secs.getAsInt();
        }
    }

    private int enabledInGroup(PathGroup g) {
        int n = 0;
        for (Path p : g.paths()) {
            Path cur = e.paths.get(p.dev());
            if (cur != null && isUp(cur.state())) {
                n++;
            }
        }
        return n;
    }

    /** 1-based best group: enabled paths first, higher priority, then more enabled paths. */
    int bestGroup(MapRuntime m) {
        List<PathGroup> gs = m.map.groups();
        int best = 0;
        int bestPrio = Integer.MIN_VALUE;
        int bestEnabled = 0;
        for (int i = 0; i < gs.size(); i++) {
            List<Path> cur = new ArrayList<>();
            for (Path p : gs.get(i).paths()) {
                cur.add(e.paths.getOrDefault(p.dev(), p));
            }
            int enabled = (int) cur.stream().filter(x -> isUp(x.state())).count();
            if (enabled == 0) {
                continue;
            }
            int prio = PathGroup.priorityOf(cur);
            if (best == 0 || prio > bestPrio || (prio == bestPrio && enabled > bestEnabled)) {
                best = i + 1;
                bestPrio = prio;
                bestEnabled = enabled;
            }
        }
        return best == 0 ? 1 : best;
    }

    boolean switchToBest(MapRuntime m) {
        int best = bestGroup(m);
        if (best == m.currentPg || m.map.groups().size() < 2) {
            return false;
        }
        return switchGroup(m, best);
    }

    boolean switchGroup(MapRuntime m, int group) {
        if (!e.message(m, "switch_group " + group)) {
            return false;
        }
        Engine.LOG.info("{}: switch to path group #{}", m.name, group);
        m.switchGroup++;
        syncFromKernel(m, false);
        return true;
    }

    /**
     * Reads the map's dm status: kernel path states, current group. With {@code external}
     * (a dm event), a path the kernel failed behind our back is marked down and re-checked soon.
     */
    void syncFromKernel(MapRuntime m, boolean external) {
        List<DmTarget> st;
        try {
            st = e.deps.dm().status(m.name);
        } catch (DmException ex) {
            Engine.LOG.debug("{}: status: {}", m.name, ex.getMessage());
            return;
        }
        if (st.isEmpty() || !st.get(0).type().equals("multipath")) {
            return;
        }
        MultipathStatus ms;
        try {
            ms = MultipathStatus.parse(st.get(0).params());
        } catch (RuntimeException ex) {
            Engine.LOG.warn("{}: cannot parse status: {}", m.name, ex.getMessage());
            return;
        }
        boolean changed = m.currentPg != ms.currentPg();
        m.currentPg = ms.currentPg();
        boolean marked = false;
        for (Path p : m.map.paths()) {
            Path cur = e.paths.get(p.dev());
            if (cur == null) {
                continue;
            }
            Optional<MultipathStatus.PathStatus> ps = ms.path(Engine.devt(cur));
            if (ps.isEmpty()) {
                continue;
            }
            DmPathState ds = ps.get().active() ? DmPathState.ACTIVE : DmPathState.FAILED;
            Path np = cur.withDm(ds, ps.get().failCount());
            if (external && ds == DmPathState.FAILED && cur.dmState() != DmPathState.FAILED && isUp(cur.state())
                    && !e.manuallyFailed.contains(cur.dev())) {
                Engine.LOG.info("{}: mark as failed", cur.dev());
                np = np.withState(CheckState.DOWN);
                m.pathFaults++;
                marked = true;
                e.scheduler.checkSoon(cur.dev());
            }
            if (!np.equals(cur)) {
                e.paths.put(cur.dev(), np);
                changed = true;
            }
        }
        List<PgState> groups = new ArrayList<>();
        for (MultipathStatus.GroupStatus g : ms.groups()) {
            groups.add(switch (g.state()) {
                case ACTIVE -> PgState.ACTIVE;
                case ENABLED -> PgState.ENABLED;
                case DISABLED -> PgState.DISABLED;
                default -> PgState.UNDEF;
            });
        }
        if (!groups.equals(m.groupStates)) {
            m.groupStates = groups;
            changed = true;
        }
        if (external && marked) {
            int active = activePaths(m);
            Engine.LOG.info("{}: remaining active paths: {}", m.name, active);
            if (active == 0 && !m.inRecovery) {
                enterRecovery(m);
            }
        }
        if (changed) {
            e.markDirty();
        }
    }

    /** The immutable view of a map for the snapshot. */
    MultipathMap view(MapRuntime m) {
        List<PathGroup> groups = new ArrayList<>();
        List<PathGroup> gs = m.map.groups();
        for (int i = 0; i < gs.size(); i++) {
            List<Path> ps = new ArrayList<>();
            for (Path p : gs.get(i).paths()) {
                ps.add(e.withTick(e.paths.getOrDefault(p.dev(), p)));
            }
            PgState st = i < m.groupStates.size() ? m.groupStates.get(i) : gs.get(i).status();
            groups.add(new PathGroup(PathGroup.priorityOf(ps), st, gs.get(i).marginal(), ps));
        }
        MultipathMap v = m.map;
        return new MultipathMap(m.name, m.wwid, v.dm(), v.sizeSectors(), v.features(), v.hwHandler(), v.selector(),
                groups, m.currentPg > 0 ? m.currentPg : v.nextPg(), v.action(), m.policy(), m.stats());
    }
}
