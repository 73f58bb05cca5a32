package io.jmultipath.daemon.runtime;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.PathChecker;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.config.ConfigLoader;
import io.jmultipath.daemon.discovery.fake.FakeLun;
import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.SysfsPathProbe;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import io.jmultipath.dmctl.MultipathStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * An engine on a simulated SAN: fake sysfs tree, emulated dm kernel, manual clock, scripted
 * checker verdicts, checks run inline. Time only moves through {@link #advance(Duration)}.
 */
final class Harness {
    final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    final HostRoot root;
    final SanTreeWriter writer;
    final List<FakePath> fakePaths;
    final EmulatedDeviceMapper dm;
    final Map<String, CheckState> verdicts = new ConcurrentHashMap<>();
    final Engine engine;

    Harness(java.nio.file.Path dir, int luns, int ports, String config) throws Exception {
        root = new HostRoot(dir);
        writer = new SanTreeWriter(root);
        List<FakeLun> l = new ArrayList<>();
        for (int i = 1; i <= luns; i++) {
            l.add(SanLayout.lioLun(i, 2097152L));
        }
        fakePaths = new SanLayout(0).ports(l, ports, 2, FakeTransport.ISCSI).paths();
        writer.write(fakePaths, true);
        writer.writeDevMapperDir();
        writer.writeConfig(config);
        Set<DevT> devs = fakePaths.stream().map(p -> new DevT(p.major(), p.minor())).collect(Collectors.toSet());
        dm = EmulatedDeviceMapper.inMemory(devs::contains, clock::get);
        EngineDeps deps = new EngineDeps(root, dm, clock::get, name -> new Scripted(name), new Inline(), new SysfsPathProbe());
        engine = new Engine(deps, ConfigLoader.load(root.multipathConf(), root.confDir()).config());
    }

    /** A checker that answers what the test scripted for the path (UP by default). */
    final class Scripted implements PathChecker {
        private final String name;

        Scripted(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CheckResult check(PathHandle p) {
            CheckState s = verdicts.getOrDefault(p.devName(), CheckState.UP);
            return new CheckResult(s, s == CheckState.UP ? "" : "scripted: path is down", Duration.ZERO);
        }
    }

    /** Runs submitted work on the calling thread. */
    static final class Inline extends AbstractExecutorService {
        private volatile boolean shut;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shut = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /** Advances the manual clock second by second, ticking the engine and running its messages. */
    void advance(Duration d) {
        long end = clock.get() + d.toNanos();
        while (clock.get() < end) {
            clock.addAndGet(Math.min(TimeUnit.SECONDS.toNanos(1), end - clock.get()));
            engine.tick(clock.get());
            engine.runPending();
        }
    }

    /** Advances one second at a time until the condition holds; returns the seconds it took. */
    int advanceUntil(BooleanSupplier cond, int maxSeconds) {
        for (int s = 0; s <= maxSeconds; s++) {
            engine.runPending();
            if (cond.getAsBoolean()) {
                return s;
            }
            advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("condition not reached within " + maxSeconds + " s");
    }

    MultipathMap map() {
        return engine.snapshot().topology().maps().get(0);
    }

    Path path(String dev) {
        return engine.snapshot().topology().path(dev).orElseThrow();
    }

    MultipathStatus kernelStatus(String map) {
        return MultipathStatus.parse(dm.status(map).get(0).params());
    }

    /** queue_if_no_path as the kernel's table reports it right now. */
    boolean kernelQueueing(String map) {
        return io.jmultipath.dmctl.MultipathTable.parse(dm.table(map).get(0).params()).features().contains("queue_if_no_path");
    }

    boolean kernelFailed(String map, String dev) {
        FakePath p = fakePaths.stream().filter(x -> x.dev().equals(dev)).findFirst().orElseThrow();
        return !kernelStatus(map).path(new DevT(p.major(), p.minor())).orElseThrow().active();
    }
}
