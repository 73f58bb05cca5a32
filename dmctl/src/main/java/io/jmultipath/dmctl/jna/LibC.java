package io.jmultipath.dmctl.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** Thin binding of the libc calls used on /dev/mapper/control. */
interface LibC extends Library {
  int O_RDWR = 2;
  int O_CLOEXEC = 0x80000;
  short POLLIN = 0x1;
  int EINTR = 4;

  int open(String path, int flags) throws LastErrorException;

  int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

  /** struct pollfd {int fd; short events; short revents;} array of nfds. */
  int poll(Pointer fds, NativeLong nfds, int timeout) throws LastErrorException;

  int close(int fd) throws LastErrorException;
}
