package io.jmultipath.daemon.systemd.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** libc calls for sending one unix datagram. Thin; package-private. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int AF_UNIX = 1;
    int SOCK_DGRAM = 2;
    int SOCK_CLOEXEC = 02000000;
    int MSG_NOSIGNAL = 0x4000;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
