package io.jmultipath.bench.runtime;

import io.jmultipath.daemon.client.CliClient;
import io.jmultipath.daemon.discovery.fake.FakeLun;
import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.host.HostRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The daemon as shipped, idle: {@code jmultipathd} started as its own process with the launcher's
 * JVM options (bin/jmultipathd and the systemd unit: serial GC, small shrinking heap, C1 only) on a
 * fake sysfs tree of {@code luns} LIO LUNs × {@code ports} paths (4,096 by default) and the
 * emulated kernel. After startup it idles, checking every path, for {@code seconds}; then VmRSS /
 * VmHWM from /proc/PID/status and the CPU it used while idle.
 * Args: [luns] [ports] [seconds] [extra JVM options...]
 */
public final class DaemonRssBench {
    public static void main(String[] args) throws Exception {
        int luns = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int ports = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        // bin/jmultipathd's and the systemd unit's options
        List<String> jvm = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xss512k", "-Xms16m", "-Xmx256m",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m"));
        for (int i = 3; i < args.length; i++) {
            jvm.add(args[i]);
        }
        Path dir = Files.createTempDirectory("jm-rss");
        try {
            run(dir, luns, ports, seconds, jvm);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path dir, int luns, int ports, int seconds, List<String> jvm) throws Exception {
        HostRoot root = new HostRoot(dir.resolve("root"));
        SanTreeWriter w = new SanTreeWriter(root);
        List<FakeLun> l = new ArrayList<>();
        for (int i = 1; i <= luns; i++) {
            l.add(SanLayout.lioLun(i, 2097152L));
        }
        List<FakePath> paths = new SanLayout(0).ports(l, ports, 2, FakeTransport.ISCSI).paths();
        w.write(paths, true);
        w.writeDevMapperDir();
        // the sysfs-state checker: no device I/O on a fake tree, every path checked on schedule
        w.writeConfig(BenchSan.CONFIG);
        Path sock = dir.resolve("jmultipathd.socket");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.jmultipath.daemon.cli.DaemonMain",
                "-d", "-s", "-v", "1", "--root", root.root().toString(), "--dm", "emulated",
                "--socket", sock.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        System.out.printf("daemon pid %d%n", p.pid());
        System.out.flush();
        try {
            int maps = awaitMaps(sock, luns, p);
            double startMs = (System.nanoTime() - t0) / 1e6;
            long cpu0 = cpuTicks(p.pid());
            long w0 = System.nanoTime();
            p.waitFor(seconds, TimeUnit.SECONDS); // idle: the daemon checks its paths
            double wall = (System.nanoTime() - w0) / 1e9;
            double cpu = (cpuTicks(p.pid()) - cpu0) / 100.0;
            String st = Files.readString(Path.of("/proc", Long.toString(p.pid()), "status"));
            System.out.printf("jmultipathd process, %d paths in %d maps, JVM options %s%n", paths.size(), maps, String.join(" ", jvm));
            System.out.printf("  start to %d maps answered over the socket: %.0f ms%n", maps, startMs);
            System.out.printf("  idle %.0f s: %s, %s, CPU %.2f s (%.1f%% of one core)%n", wall, field(st, "VmRSS"),
                    field(st, "VmHWM"), cpu, 100 * cpu / wall);
            try (CliClient c = CliClient.connect(List.of(sock.toString()))) {
                int n = 50;
                long[] lat = new long[n];
                int bytes = 0;
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    bytes = c.execute("show topology", Duration.ofSeconds(30)).length();
                    lat[i] = System.nanoTime() - t;
                }
                java.util.Arrays.sort(lat);
                System.out.printf("  show topology against it (%d bytes, first %.1f ms): p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
                        bytes, lat[0] / 1e6, lat[n / 2] / 1e6, lat[n * 9 / 10] / 1e6, lat[n - 1] / 1e6);
            }
            String after = Files.readString(Path.of("/proc", Long.toString(p.pid()), "status"));
            System.out.printf("  after 50 show topology: %s%n", field(after, "VmRSS"));
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** Polls the CLI until every map is there (or the daemon died). */
    private static int awaitMaps(Path sock, int luns, Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < end && p.isAlive()) {
            if (Files.exists(sock)) {
                try (CliClient c = CliClient.connect(List.of(sock.toString()))) {
                    int n = (int) c.execute("show maps", Duration.ofSeconds(30)).lines().count() - 1;
                    if (n >= luns) {
                        return n;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            p.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("daemon not ready (alive: " + p.isAlive() + ")");
    }

    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElse(name + ": ?")
                .replaceAll("\\s+", " ");
    }

    /** utime + stime of a process, in clock ticks (100 Hz). */
    private static long cpuTicks(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
