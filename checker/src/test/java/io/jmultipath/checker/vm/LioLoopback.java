package io.jmultipath.checker.vm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmultipath.checker.PathHandle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A real SCSI disk with ALUA inside the QEMU guest: the kernel's LIO target (target_core_mod,
 * fileio backstore) exported through tcm_loop, configured via configfs. Unlike scsi_debug, LIO
 * enforces the ALUA access state of its target port group: in standby it rejects TEST UNIT READY
 * and READ with NOT READY 04/0B, in transitioning with 04/0A (target_core_alua.c), so the tur
 * checker's GHOST and PENDING verdicts can be shown against a kernel.
 */
final class LioLoopback implements AutoCloseable {
    static final Path CONFIGFS = Path.of("/sys/kernel/config");
    static final Path TARGET = CONFIGFS.resolve("target");
    private static final AtomicInteger SEQ = new AtomicInteger();

    final String devName;
    final Path tpgDir;
    private final Path backstore;
    private final Deque<Path> created = new ArrayDeque<>();
    private final Path hctlDir;

    private LioLoopback(Path backstore, Path tpgDir, Path hctlDir, String devName) {
        this.backstore = backstore;
        this.tpgDir = tpgDir;
        this.hctlDir = hctlDir;
        this.devName = devName;
    }

    /** Creates a 16 MiB fileio LUN behind a new tcm_loop SCSI host; its ALUA state is active/optimized. */
    static LioLoopback create(Path tmp) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root inside the QEMU guest");
        for (String m : List.of("configfs", "target_core_mod", "target_core_file", "tcm_loop")) {
            run("modprobe", m);
        }
        if (!Files.isDirectory(TARGET)) {
            run("mount", "-t", "configfs", "configfs", CONFIGFS.toString());
        }
        Deque<Path> made = new ArrayDeque<>();
        try {
            int n = SEQ.incrementAndGet();
            String name = "jm" + ProcessHandle.current().pid() + "x" + n;
            Path img = tmp.resolve(name + ".img");
            try (var ch = java.nio.channels.FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.truncate(0);
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {0}), (16L << 20) - 1);
            }
            Path hba = mkdir(made, TARGET.resolve("core").resolve("fileio_" + (900 + n)));
            Path dev = mkdir(made, hba.resolve(name));
            write(dev.resolve("control"), "fd_dev_name=" + img + ",fd_dev_size=" + (16L << 20));
            write(dev.resolve("wwn").resolve("vpd_unit_serial"), name);
            write(dev.resolve("enable"), "1");
            String wwn = String.format("naa.5001405%09x", ProcessHandle.current().pid() * 16L + n);
            Path fabric = TARGET.resolve("loopback");      // the tcm_loop fabric registers on its first mkdir
            if (!Files.isDirectory(fabric)) {
                Files.createDirectory(fabric);
            }
            Path hbaDir = mkdir(made, fabric.resolve(wwn));
            Path tpg = mkdir(made, hbaDir.resolve("tpgt_1"));
            write(tpg.resolve("nexus"), String.format("naa.5001405%09x", ProcessHandle.current().pid() * 16L + n + 8));
            Path lun = mkdir(made, tpg.resolve("lun").resolve("lun_0"));
            Path link = lun.resolve("jmport");
            Files.createSymbolicLink(link, dev);
            made.push(link);
            String[] addr = read(tpg.resolve("address")).split(":");     // "host:0:tpgt"
            Path hctl = Path.of("/sys/bus/scsi/devices", addr[0] + ":0:" + addr[2] + ":0");
            String sd = awaitBlock(hctl, Duration.ofSeconds(30));
            LioLoopback l = new LioLoopback(dev, tpg, hctl, sd);
            l.created.addAll(made);
            return l;
        } catch (Exception | AssertionError e) {
            teardown(made);
            throw e;
        }
    }

    PathHandle handle(Duration timeout) throws IOException {
        String[] mm = read(Path.of("/sys/block", devName, "dev")).split(":");
        return new PathHandle(devName, Path.of("/dev", devName), Integer.parseInt(mm[0]), Integer.parseInt(mm[1]),
            Path.of("/sys/block", devName, "device"), timeout);
    }

    String hctl() {
        return hctlDir.getFileName().toString();
    }

    /** Implicit ALUA transition of the LUN's (default) target port group: 0 optimized, 1 non-optimized, 2 standby, 15 transitioning. */
    void setAccessState(int state) throws IOException {
        write(tpGroup().resolve("alua_access_state"), Integer.toString(state));
    }

    /** The PREF bit of the target port group (reported by REPORT TARGET PORT GROUPS). */
    void setPreferred(boolean pref) throws IOException {
        write(tpGroup().resolve("preferred"), pref ? "1" : "0");
    }

    Path tpGroup() {
        return backstore.resolve("alua").resolve("default_tg_pt_gp");
    }

    @Override
    public void close() {
        try {
            setAccessState(0);
        } catch (IOException e) {
            // tearing down anyway
        }
        teardown(created);
    }

    private static void teardown(Deque<Path> made) {
        while (!made.isEmpty()) {
            Path p = made.pop();
            try {
                Files.deleteIfExists(p);        // unlink the LUN (removes the sd device), then rmdir in reverse order
            } catch (IOException e) {
                System.err.println("LIO teardown: cannot remove " + p + ": " + e);
            }
        }
    }

    private static Path mkdir(Deque<Path> made, Path dir) throws IOException {
        Files.createDirectory(dir);
        made.push(dir);
        return dir;
    }

    /** configfs/sysfs attribute write: O_WRONLY only (no truncate/create), trailing newline like echo. */
    static void write(Path attr, String value) throws IOException {
        try (OutputStream o = Files.newOutputStream(attr, StandardOpenOption.WRITE)) {
            o.write((value + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IOException("write '" + value + "' to " + attr + ": " + e.getMessage(), e);
        }
    }

    static String read(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.US_ASCII).trim();
    }

    private static String awaitBlock(Path hctl, Duration max) throws IOException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            Path block = hctl.resolve("block");
            if (Files.isDirectory(block)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(block)) {
                    for (Path b : ds) {
                        String name = b.getFileName().toString();
                        if (Files.exists(Path.of("/dev", name))) {
                            return name;
                        }
                    }
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new IOException("no block device under " + hctl + " after " + max.toSeconds() + " s");
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
