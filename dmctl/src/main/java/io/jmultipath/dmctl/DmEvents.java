package io.jmultipath.dmctl;

import java.time.Duration;

/** Device-mapper event waiting (DM_DEV_ARM_POLL + poll(2); DM_DEV_WAIT fallback). */
public interface DmEvents extends AutoCloseable {
  /** Blocks until some map's event counter may have changed, or timeout; false on timeout. */
  boolean await(Duration timeout) throws InterruptedException;

  @Override
  void close();
}
