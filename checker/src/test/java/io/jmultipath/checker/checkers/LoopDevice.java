package io.jmultipath.checker.checkers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A loop device over a temp file for root tests; skips (assumption) where that is impossible. */
final class LoopDevice implements AutoCloseable {
    final Path file;
    final Path dev;
    private boolean attached = true;

    private LoopDevice(Path file, Path dev) {
        this.file = file;
        this.dev = dev;
    }

    static LoopDevice create(Path dir, int sizeBytes, List<String> extraArgs) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for losetup (user is "
            + System.getProperty("user.name") + ")");
        Path f = dir.resolve("disk-" + System.nanoTime() + ".img");
        byte[] data = new byte[sizeBytes];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Files.write(f, data);
        List<String> cmd = new ArrayList<>(List.of("losetup", "-f", "--show"));
        cmd.addAll(extraArgs);
        cmd.add(f.toString());
        Result r = run(cmd);
        assumeTrue(r.rc == 0 && r.out.startsWith("/dev/loop"), "losetup unavailable here: rc=" + r.rc + " " + r.out);
        return new LoopDevice(f, Path.of(r.out.trim()));
    }

    void detach() throws Exception {
        if (attached) {
            attached = false;
            run(List.of("losetup", "-d", dev.toString()));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            detach();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    record Result(int rc, String out) {
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(124, out);
        }
        return new Result(p.exitValue(), out);
    }
}
