package io.jmultipath.daemon.names;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Atomic replacement of small state files: temp file in the same directory, fsync, rename, under a lock. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * A state file as text. Bytes that are not UTF-8 become U+FFFD, so a corrupt line is a
     * malformed line for the parser, never a failure to read the whole file.
     */
    public static String readText(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /**
     * Appends whole lines atomically, keeping every existing byte (corrupt lines included): a
     * missing or empty file starts with {@code header}, a last line without its newline gets one.
     * Call under {@link #lock}.
     */
    public static void append(Path target, String header, String lines) throws IOException {
        byte[] old = Files.exists(target) ? Files.readAllBytes(target) : new byte[0];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(old.length + lines.length() + 256);
        if (old.length == 0) {
            out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        } else {
            out.writeBytes(old);
            if (old[old.length - 1] != '\n') {
                out.write('\n');
            }
        }
        out.writeBytes(lines.getBytes(StandardCharsets.UTF_8));
        write(target, out.toByteArray());
    }

    /** Writes {@code content} to {@code target} atomically (readers see the old or the new file, never a torn one). */
    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to {@code target} atomically (readers see the old or the new file, never a torn one). */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignored) {
                // directory fsync is best effort (not supported everywhere)
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** An exclusive lock on {@code <dir>/.<name>.lock}, held until closed (serialises read-modify-write cycles). */
    public static FileLock lock(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path lockFile = dir.resolve("." + target.getFileName() + ".lock");
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return ch.lock();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Releases a lock from {@link #lock} and closes its channel. */
    public static void unlock(FileLock lock) throws IOException {
        try {
            lock.release();
        } finally {
            lock.channel().close();
        }
    }
}
