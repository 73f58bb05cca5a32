package io.jmultipath.bench.runtime;

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
import io.jmultipath.daemon.runtime.Engine;
import io.jmultipath.daemon.runtime.EngineDeps;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A simulated host with {@code luns} LIO LUNs × {@code ports} paths and an engine on it. */
final class BenchSan implements AutoCloseable {
    static final String CONFIG = """
            defaults {
                find_multipaths greedy
                polling_interval 5
            }
            overrides {
                path_checker none
                detect_checker no
            }
            """;

    final Path dir;
    final HostRoot root;
    final SanTreeWriter writer;
    final List<FakePath> paths;
    final EmulatedDeviceMapper dm;
    final Engine engine;
    final ExecutorService checks = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bench-checker");
        t.setDaemon(true);
        return t;
    });

    BenchSan(int luns, int ports, boolean writeNow) throws Exception {
        dir = Files.createTempDirectory("jm-bench");
        root = new HostRoot(dir);
        writer = new SanTreeWriter(root);
        List<FakeLun> l = new ArrayList<>();
        for (int i = 1; i <= luns; i++) {
            l.add(SanLayout.lioLun(i, 2097152L));
        }
        paths = new SanLayout(0).ports(l, ports, 2, FakeTransport.ISCSI).paths();
        writer.writeDevMapperDir();
        writer.writeConfig(CONFIG);
        Files.createDirectories(root.sysBlock());
        if (writeNow) {
            writer.write(paths, true);
        }
        Set<DevT> devs = paths.stream().map(p -> new DevT(p.major(), p.minor())).collect(Collectors.toSet());
        dm = EmulatedDeviceMapper.inMemory(devs::contains);
        EngineDeps deps = new EngineDeps(root, dm, System::nanoTime, name -> new UpChecker(), checks, new SysfsPathProbe());
        engine = new Engine(deps, ConfigLoader.load(root.multipathConf(), root.confDir()).config());
    }

    static final class UpChecker implements PathChecker {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public CheckResult check(PathHandle p) {
            return new CheckResult(CheckState.UP, "", Duration.ZERO);
        }
    }

    static long rssKb() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        checks.shutdownNow();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
