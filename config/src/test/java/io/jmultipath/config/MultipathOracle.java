package io.jmultipath.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code multipath -t} (multipath-tools 0.9.4) on a case directory without touching
 * the real /etc: in a private mount namespace an overlay over /etc receives the case's files.
 */
final class MultipathOracle {
    static final Path BINARY = Path.of("/usr/sbin/multipath");
    private static final String SCRIPT = """
            mount -t overlay overlay -o lowerdir=/etc,upperdir="$1/u",workdir="$1/w" /etc || exit 90
            rm -rf /etc/multipath.conf /etc/multipath/conf.d
            mkdir -p /etc/multipath/conf.d
            if [ -f "$2/multipath.conf" ]; then cp "$2/multipath.conf" /etc/multipath.conf; fi
            if [ -d "$2/conf.d" ]; then cp -a "$2"/conf.d/. /etc/multipath/conf.d/; fi
            exec multipath -t
            """;

    private MultipathOracle() {
    }

    /** Why the oracle cannot run here, or empty when it can. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(BINARY)) {
            return Optional.of(BINARY + " is not installed (apt-get install multipath-tools)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("not root: unshare --mount and mount -t overlay need root");
        }
        try {
            Process p = new ProcessBuilder("unshare", "--mount", "true").redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.of("unshare --mount does not work here");
            }
            // the whole recipe once (an overlay over /etc may be refused, e.g. in a container)
            Path empty = Files.createTempDirectory("jm-oracle-probe");
            try {
                Result r = runFull(empty);
                if (r.rc() != 0 || !r.out().startsWith("defaults {\n")) {
                    return Optional.of("multipath -t with an empty config failed (rc " + r.rc() + "): " + r.err());
                }
            } finally {
                Files.delete(empty);
            }
        } catch (IOException | InterruptedException e) {
            return Optional.of("cannot run the oracle: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Why the oracle tests skip, or empty when they run; with JM_REQUIRE_ORACLE=1 (CI) an
     * unavailable oracle is a failure instead of a skip.
     */
    static Optional<String> skipReason() {
        Optional<String> why = unavailable();
        if (why.isPresent() && "1".equals(System.getenv("JM_REQUIRE_ORACLE"))) {
            throw new IllegalStateException("JM_REQUIRE_ORACLE=1 but the multipath -t oracle is unavailable: "
                    + why.get());
        }
        return why;
    }

    /** What `multipath -t` printed and its exit status. */
    record Result(String out, String err, int rc) {
        /** A signal (e.g. 139: the 0.9.4 segfault on partition_delimiter with a slash). */
        boolean crashed() {
            return rc >= 128;
        }
    }

    /** stdout of `multipath -t` for the case directory. */
    static String run(Path caseDir) throws IOException, InterruptedException {
        return runFull(caseDir).out();
    }

    /** stdout, stderr and exit status of `multipath -t` for the case directory. */
    static Result runFull(Path caseDir) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("jm-oracle");
        try {
            Files.createDirectories(tmp.resolve("u"));
            Files.createDirectories(tmp.resolve("w"));
            Path out = tmp.resolve("out");
            Path err = tmp.resolve("err");
            Process p = new ProcessBuilder(List.of("unshare", "--mount", "sh", "-c", SCRIPT, "sh",
                    tmp.toString(), caseDir.toAbsolutePath().toString()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("multipath -t timed out");
            }
            if (p.exitValue() == 90) {
                throw new IOException("mount -t overlay failed");
            }
            return new Result(Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1), p.exitValue());
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * Line numbers of the main file that multipath-tools reported as an invalid keyword
     * ("/etc/multipath.conf line N, invalid keyword…").
     */
    static java.util.SortedSet<Integer> invalidKeywordLines(String stderr) {
        java.util.SortedSet<Integer> lines = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("/etc/multipath\\.conf line (\\d+), invalid keyword").matcher(stderr);
        while (m.find()) {
            lines.add(Integer.parseInt(m.group(1)));
        }
        return lines;
    }
}
