package io.jmultipath.tests.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives the shell harness in {@code tests/vm/} (the one CI runs as {@code tests/vm/run}): one QEMU boot
 * per scenario, results read back from {@code $VM_WORK/results/<scenario>/}.
 */
final class VmHarness {
    private final Path repo;
    private final Path work;
    private final String jmTarget;

    VmHarness(Path repo, Path work, String jmTarget) {
        this.repo = repo;
        this.work = work;
        this.jmTarget = jmTarget;
    }

    /** From the surefire environment: basedir = the tests module, jm.target from the reactor build. */
    static VmHarness fromEnvironment() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path repo = Files.isDirectory(module.resolve("vm")) ? module.getParent() : module;
        String work = Optional.ofNullable(System.getenv("VM_WORK")).orElse("/tmp/jmvm");
        return new VmHarness(repo, Path.of(work), System.getProperty("jm.target", "target"));
    }

    Path script() {
        return repo.resolve("tests/vm/run");
    }

    List<String> scenarios() {
        try (Stream<Path> s = Files.list(repo.resolve("tests/vm/scenarios"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sh"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code tests/vm/run ARGS} with the reactor's build dir; output is inherited (surefire log). */
    int run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", script().toString()));
        cmd.addAll(List.of(args));
        // not inheritIO(): the forked surefire JVM's stdout is surefire's channel; copy lines through System.out
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("JM_TARGET", jmTarget);
        pb.environment().put("VM_WORK", work.toString());
        Process p = pb.start();
        Thread copier = new Thread(() -> {
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(System.out::println);
            } catch (IOException e) {
                System.out.println("(vm output: " + e.getMessage() + ")");
            }
        }, "vm-output");
        copier.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw new IllegalStateException("tests/vm/run " + String.join(" ", args) + " exceeded " + timeout);
        }
        copier.join(10_000);
        return p.exitValue();
    }

    ScenarioResult result(String scenario, int exitCode) {
        return ScenarioResult.read(scenario, exitCode, work.resolve("results").resolve(scenario));
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + ": " + e.getMessage() + ")";
        }
    }
}
