package io.jmultipath.daemon.client.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** The libc calls a blocking unix stream client needs. Thin; package-private. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int AF_UNIX = 1;
    int SOCK_STREAM = 1;
    int SOCK_CLOEXEC = 02000000;
    short POLLIN = 1;
    short POLLOUT = 4;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int connect(int fd, byte[] addr, int len) throws LastErrorException;

    long send(int fd, byte[] buf, long len, int flags) throws LastErrorException;

    long recv(int fd, byte[] buf, long len, int flags) throws LastErrorException;

    /** struct pollfd { int fd; short events; short revents; } as 8 bytes. */
    int poll(byte[] fds, long nfds, int timeoutMs) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
