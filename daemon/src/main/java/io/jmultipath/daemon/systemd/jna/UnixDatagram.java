package io.jmultipath.daemon.systemd.jna;

import com.sun.jna.LastErrorException;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.dmctl.Errno;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Sends one datagram to a pathname or abstract ("@name") unix socket (the JDK cannot). */
public final class UnixDatagram {
    private static final int EINTR = 4;

    private UnixDatagram() {
    }

    public static void send(String socketName, byte[] payload) throws IOException {
        byte[] addr = sockaddr(socketName);
        int fd;
        try {
            fd = LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new ErrnoException("socket", socketName, e.getErrorCode(), Errno.name(e.getErrorCode()));
        }
        try {
            while (true) {
                try {
                    LibC.INSTANCE.sendto(fd, payload, payload.length, LibC.MSG_NOSIGNAL, addr, addr.length);
                    return;
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EINTR) {
                        throw new ErrnoException("sendto", socketName, e.getErrorCode(), Errno.name(e.getErrorCode()));
                    }
                }
            }
        } finally {
            try {
                LibC.INSTANCE.close(fd);
            } catch (LastErrorException ignored) {
                // nothing to do
            }
        }
    }

    static byte[] sockaddr(String name) throws IOException {
        boolean abs = name.startsWith("@");
        byte[] p = (abs ? name.substring(1) : name).getBytes(StandardCharsets.UTF_8);
        if (p.length + 1 > 108) {
            throw new IOException(name + ": socket name too long");
        }
        ByteBuffer b = ByteBuffer.allocate(2 + p.length + 1).order(ByteOrder.nativeOrder());
        b.putShort((short) LibC.AF_UNIX);
        if (abs) {
            b.put((byte) 0).put(p);
        } else {
            b.put(p).put((byte) 0);
        }
        return b.array();
    }
}
