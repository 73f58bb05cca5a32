package io.jmultipath.dmctl.ioctl;

import io.jmultipath.dmctl.Errno;

/** A system call failed with an errno (EINTR never escapes: bindings retry it). */
public final class ErrnoException extends Exception {
  private final int errno;

  public ErrnoException(String call, int errno) {
    super(call + ": " + Errno.describe(errno));
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
