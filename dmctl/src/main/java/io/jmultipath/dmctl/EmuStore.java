package io.jmultipath.dmctl;

import java.util.function.Function;

/** Where the emulated kernel's state lives: this process's memory, or a shared file. */
interface EmuStore extends AutoCloseable {
  /** Runs op on the state under the store's lock; persists/notifies if it changed the state. */
  <T> T apply(Function<EmuKernel, T> op);

  /** The global event counter now. */
  long events();

  /** Waits until the global event counter differs from {@code seen}; false on timeout. */
  boolean awaitChange(long seen, long timeoutNanos) throws InterruptedException;

  @Override
  void close();
}
