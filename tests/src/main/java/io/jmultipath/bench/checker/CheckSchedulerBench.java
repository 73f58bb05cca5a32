package io.jmultipath.bench.checker;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.DirectRead;
import io.jmultipath.checker.checkers.BoundedRunner;
import io.jmultipath.checker.checkers.DirectioChecker;
import io.jmultipath.checker.schedule.CheckScheduler;
import io.jmultipath.checker.schedule.SchedulerStats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Scheduler benchmark: N simulated paths (default 4096, 4 per map) checked by the real
 * DirectioChecker over a fake block device whose reads take a random time (parked, no CPU:
 * 90% 0.2-2 ms, 9% 2-20 ms, 1% 20-200 ms); optionally a fraction of paths hang forever.
 * polling_interval 5 s, max_polling_interval 20 s, checker_timeout 5 s, wall clock.
 * Prints CPU time, peak threads, scheduling lateness percentiles and check counts.
 * <p>Args: [paths=4096] [seconds=30] [hungPercent=0] [maxInFlight=64] [latencyScale=1 (0: instant reads)]
 */
public final class CheckSchedulerBench {
    private CheckSchedulerBench() {
    }

    public static void main(String[] args) throws Exception {
        int paths = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        double hungPct = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        int maxInFlight = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        double latencyScale = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
        run(paths, seconds, hungPct, maxInFlight, latencyScale);
    }

    static void run(int paths, int seconds, double hungPct, int maxInFlight, double latencyScale) throws Exception {
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int threadsBefore = tmx.getThreadCount();
        tmx.resetPeakThreadCount();

        SplittableRandom seed = new SplittableRandom(4096);
        int hungCount = (int) Math.round(paths * hungPct / 100.0);
        ConcurrentHashMap<Path, Boolean> hung = new ConcurrentHashMap<>();
        java.util.Set<String> hungIds = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < hungCount; i++) {
            int p = i * (paths / Math.max(1, hungCount));
            hung.put(Path.of("/dev/fake" + p), true);
            hungIds.add("p" + p);
        }
        BlockIo fake = dev -> {
            if (hung.containsKey(dev)) {
                LockSupport.park();                       // never returns (until the JVM exits)
            }
            double u = java.util.concurrent.ThreadLocalRandom.current().nextDouble();
            long us = u < 0.90 ? 200 + (long) (u / 0.90 * 1800)
                : u < 0.99 ? 2000 + (long) ((u - 0.90) / 0.09 * 18000)
                : 20000 + (long) ((u - 0.99) / 0.01 * 180000);
            if (latencyScale > 0) {
                LockSupport.parkNanos((long) (us * 1000 * latencyScale));
            }
            return new DirectRead(4096, true, 4096);
        };
        // the production worker bound (Checkers.DEFAULT_MAX_THREADS): hung reads hold replaced workers
        BoundedRunner runner = new BoundedRunner("directio", io.jmultipath.checker.Checkers.DEFAULT_MAX_THREADS);
        PathChecker checker = new DirectioChecker(fake, runner);

        LongAdder results = new LongAdder();
        AtomicInteger timeouts = new AtomicInteger();
        AtomicInteger pendings = new AtomicInteger();
        ExecutorService exec = Executors.newFixedThreadPool(maxInFlight, r -> {
            Thread t = new Thread(r, "check");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger hungDown = new AtomicInteger();
        AtomicInteger healthyNotUp = new AtomicInteger();
        AtomicInteger healthyPending = new AtomicInteger();
        CheckScheduler s = new CheckScheduler(System::nanoTime, exec, maxInFlight, (id, r) -> {
            results.increment();
            if (r.state() == CheckState.TIMEOUT) {
                timeouts.incrementAndGet();
            } else if (r.state() == CheckState.PENDING) {
                pendings.incrementAndGet();
            }
            if (hungIds.contains(id)) {
                if (r.state() == CheckState.DOWN || r.state() == CheckState.TIMEOUT) {
                    hungDown.incrementAndGet();
                }
            } else if (r.state() == CheckState.PENDING) {
                healthyPending.incrementAndGet();
            } else if (r.state() != CheckState.UP) {
                healthyNotUp.incrementAndGet();
            }
        });
        CheckScheduler.Intervals iv = new CheckScheduler.Intervals(Duration.ofSeconds(5), Duration.ofSeconds(20));
        for (int i = 0; i < paths; i++) {
            Path dev = Path.of("/dev/fake" + i);
            PathHandle h = new PathHandle("fake" + i, dev, 65, i, Path.of("/sys/block/fake" + i + "/device"),
                Duration.ofSeconds(5));
            s.register("p" + i, h, checker, iv, "map" + (i / 4));
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + Duration.ofSeconds(seconds).toNanos();
        long ticks = 0;
        long[] wake = new long[1 << 16];
        while (System.nanoTime() < end) {
            long next = s.tick(System.nanoTime());
            long target = Math.min(next, end);
            LockSupport.parkNanos(Math.max(0, target - System.nanoTime()));
            if (ticks < wake.length) {
                wake[(int) ticks] = Math.max(0, System.nanoTime() - target);
            }
            ticks++;
        }
        long[] w = java.util.Arrays.copyOf(wake, (int) Math.min(ticks, wake.length));
        java.util.Arrays.sort(w);
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        SchedulerStats st = s.stats();
        System.out.printf("paths=%d maps=%d hung=%d seconds=%d maxInFlight=%d latencyScale=%.1f polling=5s max=20s%n",
            paths, (paths + 3) / 4, hungCount, seconds, maxInFlight, latencyScale);
        System.out.printf("checks started=%d completed=%d results=%d pending=%d timeouts=%d ticks=%d%n",
            st.started(), st.completed(), results.sum(), pendings.get(), timeouts.get(), ticks);
        System.out.printf("hung paths reported down/timeout %d times; healthy paths pending %d, neither up nor pending %d times%n",
            hungDown.get(), healthyPending.get(), healthyNotUp.get());
        System.out.printf("cpu=%.2f s over %.1f s wall (%.1f%% of one core), %.1f us cpu per check%n",
            cpu / 1e9, wall / 1e9, 100.0 * cpu / wall, st.started() == 0 ? 0 : cpu / 1e3 / st.started());
        System.out.printf("threads: before=%d peak=%d (check pool %d, directio workers now %d of which stuck %d,"
            + " worker bound %d + stuck; scheduler-stuck checks %d)%n", threadsBefore, tmx.getPeakThreadCount(),
            maxInFlight, runner.threads(), runner.detached(), io.jmultipath.checker.Checkers.DEFAULT_MAX_THREADS, st.stuck());
        System.out.printf("lateness p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
            st.latenessP50Nanos() / 1e6, st.latenessP99Nanos() / 1e6, st.latenessMaxNanos() / 1e6);
        System.out.printf("tick-loop wake-up delay (OS/JVM, not scheduler) p50=%.2f ms p99=%.2f ms max=%.2f ms; load avg %.1f%n",
            w[w.length / 2] / 1e6, w[(int) (w.length * 0.99)] / 1e6, w[w.length - 1] / 1e6, os.getSystemLoadAverage());
        exec.shutdownNow();
    }
}
