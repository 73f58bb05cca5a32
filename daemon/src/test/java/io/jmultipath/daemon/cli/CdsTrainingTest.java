package io.jmultipath.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmultipath.daemon.testing.DaemonProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launchers' training run: exits 0 on its own, prints nothing, leaves nothing behind. */
class CdsTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void trainingRunStopsByItselfQuietlyAndCleansUp() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java));
        cmd.addAll(DaemonProcess.withNativeAccess(List.of("-Djava.io.tmpdir=" + tmp)));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CdsTraining.class.getName()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("training did not stop by itself");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertEquals("", out);
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("jmultipath")).toList());
        }
    }
}
