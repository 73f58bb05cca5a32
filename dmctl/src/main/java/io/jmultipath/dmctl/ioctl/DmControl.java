package io.jmultipath.dmctl.ioctl;

import java.nio.ByteBuffer;

/**
 * An open device-mapper control node (the transport under {@code IoctlDeviceMapper}).
 * Production: {@code io.jmultipath.dmctl.jna.JnaDmControl}; tests use a fake.
 */
public interface DmControl extends AutoCloseable {
  /** ioctl(fd, request, buffer): the whole buffer (position 0..capacity) is in/out. */
  void ioctl(DmIoctl command, ByteBuffer buffer) throws ErrnoException;

  /** poll(2) for POLLIN; true if readable, false on timeout (milliseconds, -1 = forever). */
  boolean pollIn(int timeoutMillis) throws ErrnoException;

  /** A second handle on the same node (event waiting needs its own fd). */
  DmControl reopen();

  /** The control node path, for messages. */
  String path();

  @Override
  void close();
}
