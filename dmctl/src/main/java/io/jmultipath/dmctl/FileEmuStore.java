package io.jmultipath.dmctl;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Emulated state shared by processes through a file: each operation takes an exclusive lock on
 * FILE.lock, loads FILE (re-parsing only if its generation changed), applies the operation and,
 * if the state changed, writes FILE.tmp and renames it over FILE. Waiters watch the events
 * counter in the file (checked every {@link #POLL_MS} ms).
 */
final class FileEmuStore implements EmuStore {
  static final int POLL_MS = 20;
  private final Path file;
  private final Path lockFile;
  private final Predicate<DevT> exists;
  private EmuKernel cached;
  /** Identity of FILE when {@link #cached} was read or written: every write renames a new file in. */
  private Object cachedKey;

  private final java.util.function.LongSupplier clock;

  private final int major;

  /** {@code major} applies when the file does not exist yet; an existing file keeps its own. */
  FileEmuStore(Path file, Predicate<DevT> exists, java.util.function.LongSupplier clock, int major) {
    this.major = major;
    this.clock = clock;
    this.file = file.toAbsolutePath();
    this.lockFile = Path.of(this.file + ".lock");
    this.exists = exists;
  }

  private DmException ioFailure(String what, Exception e) {
    return new DmException("emulated", java.util.Optional.empty(), java.util.Optional.empty(),
        "emulated device-mapper state " + file + ": " + what + ": " + e.getMessage(), e);
  }

  @Override
  public <T> T apply(Function<EmuKernel, T> op) {
    // FileLock is per JVM (a second lock on the file from this JVM throws), so instances in one
    // JVM serialise on the interned path string first; other processes are excluded by the lock.
    synchronized (lockFile.toString().intern()) {
      return applyLocked(op);
    }
  }

  private <T> T applyLocked(Function<EmuKernel, T> op) {
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = ch.lock()) {
      EmuKernel k = load();
      try {
        return op.apply(k);
      } finally {
        if (k.dirty) {
          k.dirty = false;
          k.generation++;
          write(k);
        }
      }
    } catch (IOException e) {
      throw ioFailure("cannot lock/read/write", e);
    }
  }

  private EmuKernel load() throws IOException {
    String text;
    Object key;
    try {
      key = identity(file);
      if (cached != null && key != null && key.equals(cachedKey)) {
        return cached; // unchanged since we read or wrote it (writers replace the file by rename)
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      cached = new EmuKernel(exists);
      cached.clock = clock;
      cached.major = major;
      return cached;
    }
    long gen = header(text, "generation");
    if (cached != null && cached.generation == gen) {
      cachedKey = key;
      return cached;
    }
    try {
      cached = EmuStateCodec.parse(text, exists, clock);
    } catch (IllegalArgumentException e) {
      throw ioFailure("corrupt state file", e);
    }
    cachedKey = key;
    return cached;
  }

  private void write(EmuKernel k) throws IOException {
    Path tmp = Path.of(file + ".tmp");
    Files.writeString(tmp, EmuStateCodec.format(k), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    cachedKey = k == cached ? identity(file) : null;
  }

  /** Inode, mtime and size: a rename-replaced file (a write by anyone) differs in at least one. */
  private static Object identity(Path f) throws IOException {
    java.nio.file.attribute.BasicFileAttributes a =
        Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
    return a.fileKey() == null ? null : java.util.List.of(a.fileKey(), a.lastModifiedTime(), a.size());
  }

  private static long header(String text, String key) {
    for (String line : text.split("\n", 5)) {
      if (line.startsWith(key + " ")) {
        try {
          return Long.parseLong(line.substring(key.length() + 1).strip());
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  @Override
  public long events() {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        String l = r.readLine();
        if (l == null) {
          break;
        }
        sb.append(l).append('\n');
      }
      return header(sb.toString(), "events");
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw ioFailure("cannot read", e);
    }
  }

  @Override
  public boolean awaitChange(long seen, long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    Object ticker = new Object();
    while (events() == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      synchronized (ticker) {
        ticker.wait(Math.max(1, Math.min(POLL_MS, left / 1_000_000L)));
      }
    }
    return true;
  }

  @Override
  public void close() {
  }
}
