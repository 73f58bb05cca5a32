package io.jmultipath.dmctl;

import java.util.function.Function;
import java.util.function.Predicate;

/** Emulated state in this process; waiters are woken with notifyAll. */
final class MemoryEmuStore implements EmuStore {
  private final EmuKernel kernel;

  MemoryEmuStore(Predicate<DevT> exists, java.util.function.LongSupplier clock, int major) {
    this.kernel = new EmuKernel(exists);
    this.kernel.major = major;
    this.kernel.clock = clock;
  }

  @Override
  public synchronized <T> T apply(Function<EmuKernel, T> op) {
    try {
      return op.apply(kernel);
    } finally {
      if (kernel.dirty) {
        kernel.dirty = false;
        kernel.generation++;
        notifyAll();
      }
    }
  }

  @Override
  public synchronized long events() {
    return kernel.events;
  }

  @Override
  public synchronized boolean awaitChange(long seen, long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (kernel.events == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000L), 0);
    }
    return true;
  }

  @Override
  public void close() {
  }
}
