package io.jmultipath.daemon.demo;

import io.jmultipath.daemon.client.CliClient;
import io.jmultipath.daemon.discovery.fake.FakeLun;
import io.jmultipath.daemon.discovery.fake.FakePath;
import io.jmultipath.daemon.discovery.fake.FakeTransport;
import io.jmultipath.daemon.discovery.fake.SanLayout;
import io.jmultipath.daemon.discovery.fake.SanTreeWriter;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.runtime.ConfigSource;
import io.jmultipath.daemon.runtime.DaemonLauncher;
import io.jmultipath.daemon.runtime.DaemonOptions;
import io.jmultipath.daemon.uevent.ReplayUeventSource;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code jmultipathd --demo}: the real daemon against a simulated SAN in a temp dir — 4 LIO LUNs
 * × 2 iSCSI paths, an emulated dm-multipath kernel, the real directio checker on the simulated
 * /dev nodes, and one path that flaps every 30 s. No root, no hardware. The temp dir is removed
 * when the daemon stops (Ctrl-C); each run has its own, so several demos can run at once.
 */
public final class Demo {
    static final String CONFIG = """
            # jmultipathd --demo
            defaults {
                find_multipaths greedy
                user_friendly_names yes
                polling_interval 5
            }
            overrides {
                path_checker %s
                detect_checker no
                no_path_retry 3
                failback immediate
            }
            """;
    /** How the launcher names itself in hints (bin/jmultipathd passes -Djm.prog="$0"). */
    static final String PROG_PROPERTY = "jm.prog";

    private Demo() {
    }

    public static int run(DaemonOptions o) {
        return new Demo().start(o);
    }

    private final Object setup = new Object();
    private volatile boolean stopping;

    private int start(DaemonOptions o) {
        Path dir;
        boolean own = o.root().isEmpty();
        try {
            dir = own ? Files.createTempDirectory("jmultipathd-demo") : o.root().get();
        } catch (IOException e) {
            System.err.println("jmultipathd --demo: cannot create a temp dir: " + e.getMessage());
            return 1;
        }
        // a signal before the daemon's handlers are in place ends the JVM through the shutdown hooks
        Thread cleanup = new Thread(() -> {
            synchronized (setup) {
                stopping = true;
                deleteTree(dir);
            }
        }, "demo-cleanup");
        if (own) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        try {
            return run(o, dir);
        } catch (IOException e) {
            System.err.println("jmultipathd --demo: " + e.getMessage());
            return 1;
        } finally {
            if (own) {
                deleteTree(dir);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook runs (and finds nothing left)
                }
            }
        }
    }

    /** What {@link #exercise} does with a running demo daemon before it is shut down. */
    public interface Exercise {
        void run(Path root, Path dmState, String socket) throws Exception;
    }

    /**
     * The demo SAN and daemon in a temp dir, {@code exercise} run once the socket listens, then a
     * {@code shutdown} through the socket (the launchers' class-data-sharing training run).
     */
    public static int exercise(Exercise exercise) throws IOException {
        Path dir = Files.createTempDirectory("jmultipath-training");
        try {
            San san = build(dir);
            String socket = dir.resolve("jmultipathd.socket").toString();
            Runnable afterwards = () -> {
                try {
                    exercise.run(dir, san.state(), socket);
                } catch (Exception e) {
                    System.err.println("exercise: " + e);
                } finally {
                    try (CliClient c = CliClient.connect(List.of(socket))) {
                        c.execute("shutdown", Duration.ofSeconds(30));
                    } catch (IOException e) {
                        System.err.println("exercise: shutdown: " + e.getMessage());
                    }
                }
            };
            return DaemonLauncher.runDaemon(san.root(), san.dm(), new ReplayUeventSource(), List.of(socket),
                    new ConfigSource(Optional.empty(), san.root()), () -> new Thread(afterwards, "exercise").start());
        } finally {
            deleteTree(dir);
        }
    }

    /** The simulated host and its kernel, ready for the daemon. */
    private record San(HostRoot root, SanTreeWriter writer, List<FakePath> paths, EmulatedDeviceMapper dm, Path state,
                       boolean direct) {
    }

    private int run(DaemonOptions o, Path dir) throws IOException {
        San san;
        synchronized (setup) { // the cleanup hook waits for the tree to be complete before it deletes it
            if (stopping) {
                return 0;
            }
            san = build(dir);
        }
        if (stopping) {
            return 0;
        }
        String socket = o.socket().orElse(dir.resolve("jmultipathd.socket").toString());
        String prog = System.getProperty(PROG_PROPERTY, "jmultipathd");
        String tool = prog.endsWith("jmultipathd") ? prog.substring(0, prog.length() - 1 - "multipathd".length()) + "jmultipath"
                : "jmultipath";
        Flapper flapper = new Flapper(san.root(), san.writer(), san.dm(), san.paths().get(0), !san.direct());
        String hints = hints(dir, san.state(), san.paths().get(0).dev(), socket, prog, tool, san.direct());
        try {
            return DaemonLauncher.runDaemon(san.root(), san.dm(), new ReplayUeventSource(), List.of(socket),
                    new ConfigSource(Optional.empty(), san.root()), () -> {
                        System.out.print(hints); // once the socket listens: the hints work when pasted
                        System.out.flush();
                        flapper.start();
                    }, o.metrics());
        } finally {
            flapper.stop();
        }
    }

    private static San build(Path dir) throws IOException {
        HostRoot root = new HostRoot(dir);
        SanTreeWriter w = new SanTreeWriter(root);
        List<FakeLun> luns = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            luns.add(SanLayout.lioLun(i, 2097152L * i));
        }
        List<FakePath> paths = new SanLayout(0).ports(luns, 2, 2, FakeTransport.ISCSI).paths();
        w.write(paths, true);
        w.writeDevMapperDir();
        for (FakePath p : paths) {
            Files.write(root.dev().resolve(p.dev()), new byte[64 * 1024]); // readable for directio
        }
        // directio needs O_DIRECT; a temp dir on tmpfs has none: then the sysfs-state "none" checker
        boolean direct = supportsDirectIo(root.dev().resolve(paths.get(0).dev()));
        w.writeConfig(String.format(CONFIG, direct ? "directio" : "none"));
        Set<DevT> devs = paths.stream().map(p -> new DevT(p.major(), p.minor())).collect(Collectors.toSet());
        Path state = dir.resolve("dm-emulated.state");
        EmulatedDeviceMapper dm = EmulatedDeviceMapper.shared(state, devs::contains);
        return new San(root, w, paths, dm, state, direct);
    }

    static String hints(Path dir, Path state, String victim, String socket, String prog, String tool, boolean direct) {
        return String.format("""
                jmultipathd demo: simulated SAN under %s (removed when the demo stops)
                  4 LUNs x 2 paths, emulated device-mapper, %s checker; path %s fails and returns every 30 s.
                  shell:     %s -k --socket %s
                  one-shot:  %s --socket %s show topology
                  kernel:    %s --root %s --dm emulated:%s -ll
                  stop:      Ctrl-C
                %n""", dir, direct ? "directio" : "none (no O_DIRECT here)", victim,
                quote(prog), quote(socket), quote(prog), quote(socket), quote(tool), quote(dir.toString()),
                quote(state.toString()));
    }

    /** Shell-quotes a word only if it needs it. */
    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:@=+,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** Whether a file in this directory can be read with O_DIRECT (tmpfs refuses). */
    static boolean supportsDirectIo(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT)) {
            ByteBuffer b = ByteBuffer.allocateDirect(2 * 4096).alignedSlice(4096);
            b.limit(4096);
            ch.read(b, 0);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("jmultipathd --demo: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
