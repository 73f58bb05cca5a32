package io.jmultipath.daemon.testing;

import io.jmultipath.daemon.discovery.fake.FakeLun;
import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.host.HostRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The real jmultipathd in a child JVM (the test classpath, the launcher's GC/stack options) on a
 * generated fake sysfs tree with the emulated device-mapper kernel shared through a state file.
 * Its log (stdout+stderr) is read line by line and can be awaited.
 */
public final class DaemonProcess implements AutoCloseable {
    /** The JVM options bin/jmultipathd starts the daemon with. */
    public static final List<String> LAUNCHER_JVM_OPTIONS = withNativeAccess(List.of("-XX:+UseSerialGC", "-Xss512k",
            "-Xms16m", "-Xmx256m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=32m"));

    /** As the launchers do on JDK 22+: JNA's native calls allowed without the JVM's warning on stderr. */
    public static List<String> withNativeAccess(List<String> options) {
        List<String> out = new ArrayList<>(options);
        if (Runtime.version().feature() >= 22) {
            out.add("--enable-native-access=ALL-UNNAMED");
        }
        return List.copyOf(out);
    }

    /** A config for fake SANs: every path multipathed, fast polling, checks from sysfs (no device I/O). */
    public static final String FAKE_SAN_CONFIG = """
            defaults {
                find_multipaths greedy
                polling_interval 2
            }
            overrides {
                path_checker none
                detect_checker no
            }
            """;

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread reader;

    /** A fake SAN of LIO LUNs × ports under dir, with the given multipath.conf. */
    public static List<FakePath> writeSan(Path dir, int luns, int ports, String config) throws IOException {
        HostRoot root = new HostRoot(dir);
        SanTreeWriter w = new SanTreeWriter(root);
        List<FakeLun> l = new ArrayList<>();
        for (int i = 1; i <= luns; i++) {
            l.add(SanLayout.lioLun(i, 2097152L));
        }
        List<FakePath> paths = new SanLayout(0).ports(l, ports, 2, FakeTransport.ISCSI).paths();
        w.write(paths, true);
        w.writeDevMapperDir();
        w.writeConfig(config);
        return paths;
    }

    /**
     * Starts {@code [prefix...] java <launcher options> -cp <test classpath> DaemonMain args}.
     *
     * @param prefix a command the JVM runs under (e.g. {@code unshare --net}), may be empty
     */
    public DaemonProcess(List<String> prefix, List<String> args, Map<String, String> env) throws IOException {
        this(prefix, List.of(), args, env);
    }

    /** As above, with extra JVM options (system properties). */
    public DaemonProcess(List<String> prefix, List<String> jvm, List<String> args, Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LAUNCHER_JVM_OPTIONS);
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.jmultipath.daemon.cli.DaemonMain");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("NOTIFY_SOCKET");
        pb.environment().remove("MULTIPATH_SOCKET_NAME");
        pb.environment().putAll(env);
        process = pb.start();
        process.getOutputStream().close();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    log.add(l);
                    lines.add(l);
                    synchronized (log) {
                        log.notifyAll();
                    }
                }
            } catch (IOException e) {
                lines.add("<log read error: " + e + ">");
            }
        }, "daemon-log");
        reader.setDaemon(true);
        reader.start();
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** Every log line so far. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Waits for a log line matching the regex (searched, not matched whole); returns it. */
    public String awaitLog(String regex, Duration timeout) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            String l = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (l == null) {
                throw new AssertionError("no log line matching /" + regex + "/ within " + timeout + "; log:\n"
                        + String.join("\n", log));
            }
            if (p.matcher(l).find()) {
                return l;
            }
        }
    }

    /**
     * Waits until the condition holds (e.g. a CLI answer shows a state), re-checking whenever the
     * daemon logs a line and at least every 100 ms; fails after the timeout.
     */
    public void awaitCondition(java.util.function.BooleanSupplier cond, Duration timeout, String what)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!cond.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(what + ": not reached within " + timeout + "; log:\n" + String.join("\n", log));
            }
            synchronized (log) {
                log.wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    /** Sends a signal by name ("HUP", "TERM") with kill(1). */
    public void signal(String name) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Waits for the daemon to exit; its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("daemon did not exit within " + timeout + "; log:\n" + String.join("\n", log));
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    /** Runs a command to completion (20 s at most): exit status and its output (stdout+stderr). */
    public static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Exit status and output of a finished command. */
    public record Result(int rc, String out) {
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static boolean executable(String path) {
        return Files.isExecutable(Path.of(path));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
