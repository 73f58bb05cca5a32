package io.jmultipath.checker.blockio.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** Thin libc binding for direct block reads (named after the C calls). */
interface BlockLibC extends Library {
    int O_RDONLY = 0;
    int O_DIRECT = 0x4000;
    int O_CLOEXEC = 0x80000;
    long BLKBSZGET = 0x80081270L;

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    long pread(int fd, Pointer buf, long count, long offset) throws LastErrorException;
}
