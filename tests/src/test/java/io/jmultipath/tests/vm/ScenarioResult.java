package io.jmultipath.tests.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What one VM scenario left in its results directory: assertion lines (PASS/FAIL/SKIP) and logs. */
record ScenarioResult(String scenario, int exitCode, Path dir, List<String> assertions) {
    static final int SKIPPED = 77;

    static ScenarioResult read(String scenario, int exitCode, Path dir) {
        Path results = dir.resolve("results.txt");
        List<String> lines;
        try {
            lines = Files.exists(results) ? Files.readAllLines(results, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            lines = List.of("FAIL cannot read " + results + ": " + e.getMessage());
        }
        return new ScenarioResult(scenario, exitCode, dir, lines.stream()
                .filter(l -> l.startsWith("PASS") || l.startsWith("FAIL") || l.startsWith("SKIP")).toList());
    }

    List<String> failures() {
        return assertions.stream().filter(l -> l.startsWith("FAIL")).toList();
    }

    boolean passed() {
        return exitCode == 0 && failures().isEmpty() && assertions.stream().anyMatch(l -> l.startsWith("PASS"));
    }

    /** The failure report: failed assertions, the guest console and the daemon logs. */
    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("VM scenario ").append(scenario).append(" failed (guest exit code ").append(exitCode).append(")\n");
        failures().forEach(f -> sb.append("  ").append(f).append('\n'));
        sb.append("---- guest console (").append(dir.resolve("console.log")).append(", tail):\n")
                .append(VmHarness.tail(dir.resolve("console.log"), 120)).append('\n');
        try (Stream<Path> logs = Files.list(dir)) {
            logs.filter(p -> p.toString().endsWith(".log") && !p.endsWith("console.log")).sorted().forEach(p ->
                    sb.append("---- ").append(p.getFileName()).append(" (tail):\n")
                            .append(VmHarness.tail(p, 60)).append('\n'));
        } catch (IOException e) {
            sb.append("(cannot list ").append(dir).append(")\n");
        }
        return sb.toString();
    }
}
