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
            if [ -d "$2/conf.d" ]; then cp "$2"/conf.d/* /etc/multipath/conf.d/; fi
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
        } catch (IOException | InterruptedException e) {
            return Optional.of("cannot run unshare: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** stdout of `multipath -t` for the case directory. */
    static String run(Path caseDir) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("jm-oracle");
        try {
            Files.createDirectories(tmp.resolve("u"));
            Files.createDirectories(tmp.resolve("w"));
            Path out = tmp.resolve("out");
            Process p = new ProcessBuilder(List.of("unshare", "--mount", "sh", "-c", SCRIPT, "sh",
                    tmp.toString(), caseDir.toAbsolutePath().toString()))
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("multipath -t timed out");
            }
            if (p.exitValue() == 90) {
                throw new IOException("mount -t overlay failed");
            }
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
