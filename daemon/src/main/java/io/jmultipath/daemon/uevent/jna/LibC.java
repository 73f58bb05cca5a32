package io.jmultipath.daemon.uevent.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** libc calls for a NETLINK_KOBJECT_UEVENT socket. Thin; package-private. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int AF_NETLINK = 16;
    int SOCK_DGRAM = 2;
    int SOCK_CLOEXEC = 02000000;
    int NETLINK_KOBJECT_UEVENT = 15;
    int SOL_SOCKET = 1;
    int SO_RCVBUF = 8;
    int SO_PASSCRED = 16;
    int SO_RCVBUFFORCE = 33;
    int SCM_CREDENTIALS = 2;
    int MSG_DONTWAIT = 0x40;
    int MSG_TRUNC = 0x20;
    short POLLIN = 1;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int setsockopt(int fd, int level, int name, int[] value, int len) throws LastErrorException;

    int bind(int fd, byte[] addr, int len) throws LastErrorException;

    long recvmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

    int poll(byte[] fds, long nfds, int timeoutMs) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
