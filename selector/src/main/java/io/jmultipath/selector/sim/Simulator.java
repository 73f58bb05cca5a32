package io.jmultipath.selector.sim;

import io.jmultipath.selector.PathSelector;
import io.jmultipath.selector.PathSelectors;
import io.jmultipath.selector.SelectorSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Discrete-event simulation of one selector (one priority group) over the modelled paths under
 * a closed-loop workload: {@code iodepth} I/Os are kept outstanding; each completion issues
 * the next. Every I/O goes select_path -> start_io -> device queue -> end_io, as dm-mpath does.
 * A failing path errors its queued and in-flight I/Os at the failure time; they are retried
 * (fail_path first, then re-selected), and with no valid path they wait for a reinstate
 * (queue_if_no_path). All randomness is derived from the seed, the I/O number and the path, so
 * a run is deterministic and every selector sees the same per-I/O draws.
 */
final class Simulator {

    private static final int COMPLETE = 0;
    private static final int FAIL = 1;
    private static final int RECOVER = 2;

    private record Event(long time, long seq, int type, Io io, int path, int generation) {}

    private static final class Io {
        final long id;
        final long size;
        final boolean write;
        final long submitNs;
        long dispatchNs;
        int path = -1;
        int generation;
        int attempt;

        Io(long id, long size, boolean write, long submitNs) {
            this.id = id;
            this.size = size;
            this.write = write;
            this.submitNs = submitNs;
        }
    }

    private static final class PathState {
        final PathModel model;
        final ArrayDeque<Io> waiting = new ArrayDeque<>();
        final Set<Io> inService = new HashSet<>();
        long linkFreeAt;
        long completed;

        PathState(PathModel model) {
            this.model = model;
        }
    }

    private final SimOptions opt;
    private final SelectorSpec spec;
    private final long[] now = new long[1];
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final List<PathState> paths = new ArrayList<>();
    private final ArrayDeque<Io> noPath = new ArrayDeque<>();
    private PathSelector selector;
    private long seq;
    private long issued;
    private long completedIos;
    private long completedBytes;
    private long requeued;
    private long[] latencies = new long[1024];

    Simulator(SimOptions opt, SelectorSpec spec) {
        this.opt = opt;
        this.spec = spec;
    }

    SimResult run() {
        selector = PathSelectors.create(spec, () -> now[0]);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < opt.paths().size(); i++) {
            PathModel m = opt.paths().get(i);
            paths.add(new PathState(m));
            names.add(m.name());
            List<String> args = spec.name().equals("service-time")
                    ? List.of(Integer.toString(opt.repeatCount()), Integer.toString(m.weight()))
                    : List.of(Integer.toString(opt.repeatCount()));
            selector.addPath(m.name(), args);
            if (m.failAtNs().isPresent()) {
                schedule(m.failAtNs().getAsLong(), FAIL, null, i, 0);
            }
            if (m.recoverAtNs().isPresent()) {
                schedule(m.recoverAtNs().getAsLong(), RECOVER, null, i, 0);
            }
        }
        for (int i = 0; i < opt.iodepth(); i++) {
            issue();
        }
        while (!events.isEmpty() && (completedIos < issued || hasPendingIo())) {
            Event e = events.poll();
            now[0] = e.time;
            switch (e.type) {
                case COMPLETE: complete(e); break;
                case FAIL: fail(e.path); break;
                default: recover(e.path); break;
            }
        }
        long[] lat = Arrays.copyOf(latencies, (int) completedIos);
        Arrays.sort(lat);
        long[] perPath = new long[paths.size()];
        for (int i = 0; i < perPath.length; i++) {
            perPath[i] = paths.get(i).completed;
        }
        return new SimResult(spec, completedIos, completedBytes, now[0], lat, perPath, names, requeued,
                issued - completedIos);
    }

    private boolean hasPendingIo() {
        return !noPath.isEmpty();
    }

    private void issue() {
        if (issued >= opt.maxIos() || (opt.durationNs().isPresent() && now[0] >= opt.durationNs().getAsLong())) {
            return;
        }
        long id = issued++;
        boolean write = unit(opt.seed(), id, -1, 0) * 100 >= opt.readPct();
        dispatch(new Io(id, opt.ioSize(), write, now[0]));
    }

    private void dispatch(Io io) {
        Optional<String> chosen = selector.selectPath(io.size);
        if (chosen.isEmpty()) {
            noPath.add(io);
            return;
        }
        int p = indexOf(chosen.get());
        selector.startIo(chosen.get(), io.size);
        io.path = p;
        io.dispatchNs = now[0];
        PathState ps = paths.get(p);
        if (ps.inService.size() < ps.model.depth()) {
            serve(ps, p, io);
        } else {
            ps.waiting.add(io);
        }
    }

    private void serve(PathState ps, int p, Io io) {
        ps.inService.add(io);
        long t = now[0];
        if (ps.model.bandwidth().isPresent()) {
            long start = Math.max(t, ps.linkFreeAt);
            long transfer = (long) Math.ceil(io.size * 1e9 / ps.model.bandwidth().getAsLong());
            ps.linkFreeAt = start + transfer;
            t = ps.linkFreeAt;
        }
        long base = io.write ? ps.model.writeLatencyNs() : ps.model.latencyNs();
        double u = unit(opt.seed(), io.id, p, io.attempt);
        long jitter = (long) (-Math.log(1.0 - u) * ps.model.jitterNs());
        schedule(t + base + jitter, COMPLETE, io, p, io.generation);
    }

    private void complete(Event e) {
        Io io = e.io;
        if (e.generation != io.generation) {
            return; // errored out by a path failure and retried elsewhere
        }
        PathState ps = paths.get(e.path);
        ps.inService.remove(io);
        selector.endIo(ps.model.name(), io.size, io.dispatchNs, now[0]);
        ps.completed++;
        record(now[0] - io.submitNs, io.size);
        Io next = ps.waiting.poll();
        if (next != null) {
            serve(ps, e.path, next);
        }
        issue();
    }

    private void fail(int p) {
        PathState ps = paths.get(p);
        selector.failPath(ps.model.name());
        List<Io> retry = new ArrayList<>(ps.inService);
        retry.sort((a, b) -> Long.compare(a.id, b.id));
        retry.addAll(ps.waiting);
        ps.inService.clear();
        ps.waiting.clear();
        ps.linkFreeAt = now[0];
        for (Io io : retry) {
            selector.endIo(ps.model.name(), io.size, io.dispatchNs, now[0]);
            io.generation++;
            io.attempt++;
            requeued++;
            dispatch(io);
        }
    }

    private void recover(int p) {
        selector.reinstatePath(paths.get(p).model.name());
        List<Io> queued = new ArrayList<>(noPath);
        noPath.clear();
        for (Io io : queued) {
            dispatch(io);
        }
    }

    private void record(long latency, long size) {
        if (completedIos == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[(int) completedIos++] = latency;
        completedBytes += size;
    }

    private int indexOf(String name) {
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).model.name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("selector chose unknown path " + name);
    }

    private void schedule(long time, int type, Io io, int path, int generation) {
        events.add(new Event(time, seq++, type, io, path, generation));
    }

    /** A uniform [0,1) draw derived from (seed, io, path, attempt) by SplitMix64 mixing. */
    static double unit(long seed, long io, int path, int attempt) {
        long z = seed * 0x9E3779B97F4A7C15L + io;
        z = mix(z) + path * 0xBF58476D1CE4E5B9L + attempt;
        z = mix(z);
        return (z >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
