package io.jmultipath.bench.core;

import io.jmultipath.config.Config;
import io.jmultipath.config.ConfigLoader;
import io.jmultipath.daemon.cli.MultipathMain;
import io.jmultipath.daemon.discovery.Discovery;
import io.jmultipath.daemon.discovery.SysfsReader;
import io.jmultipath.daemon.discovery.fake.FakeLun;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.Configurator;
import io.jmultipath.daemon.maps.SysfsPathProbe;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DeviceMappers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * daemon-core figures: a simulated SAN of N LUNs × P iSCSI paths (default 1024 × 4), then
 * discovery, {@code jmultipath -d} end to end, and map creation into the emulated kernel
 * (in-memory and file-shared), in this JVM and in a fresh JVM per command. Run:
 * {@code java -cp tests/target/classes:… io.jmultipath.bench.core.CoreBench [luns] [paths]}.
 */
public final class CoreBench {

    private CoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int luns = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int ports = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("jm-corebench");
        try {
            run(dir, luns, ports);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static void run(Path dir, int luns, int ports) throws Exception {
        HostRoot root = new HostRoot(dir);
        CpuClock clock = new CpuClock();
        System.out.printf("machine: %d cpus, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).strip() : "n/a");
        long t0 = System.nanoTime();
        List<FakeLun> l = new ArrayList<>();
        for (int i = 1; i <= luns; i++) {
            l.add(SanLayout.lioLun(i, 2097152));
        }
        SanTreeWriter w = new SanTreeWriter(root);
        w.write(new SanLayout(0).ports(l, ports, 2, FakeTransport.ISCSI).paths(), false);
        w.writeConfig("defaults {\n\tuser_friendly_names yes\n\tfind_multipaths greedy\n}\n");
        System.out.printf("simulated SAN: %d LUNs x %d paths = %d sd devices, written in %s ms%n", luns, ports,
                luns * ports, clock.ms(t0));

        for (int i = 1; i <= 3; i++) {
            long t = System.nanoTime();
            Discovery.Result r = new Discovery(new SysfsReader(root)).discover();
            System.out.printf("discovery run %d: %d paths in %s ms%n", i, r.paths().size(), clock.ms(t));
        }
        for (int i = 1; i <= 3; i++) {
            long t = System.nanoTime();
            Out o = tool(List.of("--root", dir.toString(), "--dm", "emulated", "-d"));
            System.out.printf("jmultipath -d run %d (end to end, in-process): rc=%d, %d maps (': ' dry-run lines), %s ms%n",
                    i, o.rc, count(o.out, ": "), clock.ms(t));
        }
        Config config = ConfigLoader.load(root.multipathConf(), root.confDir()).config();
        for (int i = 1; i <= 3; i++) {
            Files.deleteIfExists(root.bindingsFile());
            Files.deleteIfExists(root.wwidsFile());
            try (DeviceMapper dm = DeviceMappers.open("emulated")) {
                long t = System.nanoTime();
                Configurator.Result r = new Configurator(root, config, dm, new SysfsPathProbe(),
                        Configurator.Options.DEFAULT).configure(p -> true);
                long created = r.outcomes().stream().filter(o -> o.error().isEmpty()).count();
                System.out.printf("create run %d (in-memory emulated kernel, bindings+wwids written): %d maps in %s ms; "
                        + "kernel now has %d devices%n", i, created, clock.ms(t), dm.list().size());
                long t2 = System.nanoTime();
                Configurator.Result again = new Configurator(root, config, dm, new SysfsPathProbe(),
                        Configurator.Options.DEFAULT).configure(p -> true);
                System.out.printf("  re-run on the same kernel (adopt, no reloads): %d actions in %s ms%n",
                        again.outcomes().stream().filter(o -> o.action() != io.jmultipath.daemon.topology.MapAction.NOTHING)
                                .count(), clock.ms(t2));
            }
        }
        Files.deleteIfExists(root.bindingsFile());
        Path state = dir.resolve("dm.state");
        long t = System.nanoTime();
        Out o = tool(List.of("--root", dir.toString(), "--dm", "emulated:" + state, "-v1"));
        System.out.printf("jmultipath -v1 --dm emulated:FILE (create, shared-file kernel): rc=%d, %d maps in %s ms%n",
                o.rc, o.out.lines().count(), clock.ms(t));
        t = System.nanoTime();
        o = tool(List.of("--root", dir.toString(), "--dm", "emulated:" + state, "-ll"));
        System.out.printf("jmultipath -ll (shared-file kernel): rc=%d, %d lines in %s ms%n", o.rc, o.out.lines().count(), clock.ms(t));

        // what a user sees: a fresh JVM per command, started the way bin/jmultipath starts it
        Files.deleteIfExists(root.bindingsFile());
        Files.deleteIfExists(root.wwidsFile());
        Path state2 = dir.resolve("dm2.state");
        cold(dir, List.of("--dm", "emulated", "-d"), "jmultipath -d (fresh JVM)");
        cold(dir, List.of("--dm", "emulated:" + state2, "-v1"), "jmultipath -v1 --dm emulated:FILE (fresh JVM, creates)");
        cold(dir, List.of("--dm", "emulated:" + state2, "-ll"), "jmultipath -ll (fresh JVM)");
        cold(dir, List.of("--dm", "emulated:" + state2, "-v2"), "jmultipath -v2 again (fresh JVM, adopts)");
        cold(dir, List.of("--dm", "emulated:" + state2, "-F"), "jmultipath -F (fresh JVM, flushes)");
    }

    /** Runs the tool in a new JVM (bin/jmultipath's options) and prints its wall time. */
    static void cold(Path dir, List<String> args, String what) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-cp", System.getProperty("java.class.path"),
                MultipathMain.class.getName(), "--root", dir.toString()));
        cmd.addAll(args);
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        long lines;
        try (var in = p.getInputStream()) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count();
        }
        p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        int rc = p.waitFor();
        long wall = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("%s: rc=%d, %d lines in %d ms%n", what, rc, lines, wall);
    }

    record Out(int rc, String out) {}

    static Out tool(List<String> args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = MultipathMain.run(args, o, e);
        }
        if (rc != 0) {
            System.out.println("stderr: " + err.toString(StandardCharsets.UTF_8).lines().limit(5).toList());
        }
        return new Out(rc, out.toString(StandardCharsets.UTF_8));
    }

    static long count(String s, String needle) {
        return s.lines().filter(x -> x.startsWith(needle)).count();
    }

    /** Wall time since t0, plus the process CPU time used since the previous call (the machine may be shared). */
    static final class CpuClock {
        private long last = cpuNanos();

        String ms(long t0) {
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long cpu = cpuNanos();
            String s = wall + " (cpu " + (cpu - last) / 1_000_000 + ")";
            last = cpu;
            return s;
        }
    }

    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }
}
