package io.jmultipath.dmctl.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import io.jmultipath.dmctl.DmUnavailableException;
import io.jmultipath.dmctl.ioctl.DmControl;
import io.jmultipath.dmctl.ioctl.DmIoctl;
import io.jmultipath.dmctl.ioctl.ErrnoException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** The device-mapper control node through JNA: open/ioctl/poll/close; EINTR retried here. */
public final class JnaDmControl implements DmControl {
  private final LibC libc;
  private final String path;
  private final Object lock = new Object();
  private int fd;

  private JnaDmControl(LibC libc, String path, int fd) {
    this.libc = libc;
    this.path = path;
    this.fd = fd;
  }

  /** Opens the control node; DmUnavailableException when that fails (no dm_mod, no node ...). */
  public static JnaDmControl open(Path controlPath) {
    LibC libc;
    try {
      libc = Native.load("c", LibC.class);
    } catch (UnsatisfiedLinkError e) {
      throw new DmUnavailableException("device-mapper not available: cannot load libc through JNA: " + e.getMessage());
    }
    return openWith(libc, controlPath.toString());
  }

  private static JnaDmControl openWith(LibC libc, String path) {
    while (true) {
      try {
        return new JnaDmControl(libc, path, libc.open(path, LibC.O_RDWR | LibC.O_CLOEXEC));
      } catch (LastErrorException e) {
        if (e.getErrorCode() != LibC.EINTR) {
          throw new DmUnavailableException(path, e.getErrorCode());
        }
      }
    }
  }

  private int fd() throws ErrnoException {
    synchronized (lock) {
      if (fd < 0) {
        throw new ErrnoException("ioctl " + path, 9);
      }
      return fd;
    }
  }

  @Override
  public void ioctl(DmIoctl command, ByteBuffer buffer) throws ErrnoException {
    int size = buffer.capacity();
    try (Memory mem = new Memory(size)) {
      ByteBuffer view = mem.getByteBuffer(0, size);
      view.put(buffer.duplicate().clear());
      NativeLong request = new NativeLong(command.request());
      int f = fd();
      while (true) {
        try {
          libc.ioctl(f, request, mem);
          break;
        } catch (LastErrorException e) {
          if (e.getErrorCode() != LibC.EINTR) {
            throw new ErrnoException(command.name(), e.getErrorCode());
          }
        }
      }
      view.clear();
      buffer.duplicate().clear().put(view);
    }
  }

  @Override
  public boolean pollIn(int timeoutMillis) throws ErrnoException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try (Memory pfd = new Memory(8)) {
      int remaining = timeoutMillis;
      while (true) {
        pfd.setInt(0, fd());
        pfd.setShort(4, LibC.POLLIN);
        pfd.setShort(6, (short) 0);
        try {
          int n = libc.poll(pfd, new NativeLong(1), remaining);
          return n > 0 && (pfd.getShort(6) & LibC.POLLIN) != 0;
        } catch (LastErrorException e) {
          if (e.getErrorCode() != LibC.EINTR) {
            throw new ErrnoException("poll " + path, e.getErrorCode());
          }
          if (timeoutMillis >= 0) {
            remaining = (int) Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
          }
        }
      }
    }
  }

  @Override
  public DmControl reopen() {
    return openWith(libc, path);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void close() {
    int f;
    synchronized (lock) {
      f = fd;
      fd = -1;
    }
    if (f >= 0) {
      try {
        libc.close(f);
      } catch (LastErrorException e) {
        // close(2) errors on a control node are not actionable
      }
    }
  }
}
