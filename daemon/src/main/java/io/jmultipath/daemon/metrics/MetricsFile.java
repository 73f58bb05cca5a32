package io.jmultipath.daemon.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The metrics as a file for node_exporter's textfile collector: written to a hidden temp file in
 * the same directory (the collector only reads {@code *.prom}) and renamed over the target, so a
 * reader never sees half a file. No fsync: the file is rewritten every few seconds anyway.
 */
public final class MetricsFile {
    private final Path target;

    public MetricsFile(Path target) {
        this.target = target.toAbsolutePath();
    }

    public Path target() {
        return target;
    }

    public void write(String text) throws IOException {
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
