package io.jmultipath.daemon.client.jna;

import com.sun.jna.LastErrorException;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.dmctl.Errno;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A connected unix stream socket to a pathname or abstract ("@name") address, with poll-based
 * timeouts. The JDK's channels only know pathname sockets; multipathd's default is abstract.
 */
public final class UnixStreamSocket implements Closeable {
    private static final int EINTR = 4;
    private static final int SUN_PATH = 108;

    private final int fd;
    private final String name;

    private UnixStreamSocket(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    /** Connects; throws ErrnoException("connect", name, ECONNREFUSED...) on failure. */
    public static UnixStreamSocket connect(String name) throws IOException {
        byte[] addr = sockaddr(name);
        int fd;
        try {
            fd = LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw errno("socket", name, e);
        }
        while (true) {
            try {
                LibC.INSTANCE.connect(fd, addr, addr.length);
                return new UnixStreamSocket(fd, name);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINTR) {
                    continue;
                }
                closeQuietly(fd);
                throw errno("connect", name, e);
            }
        }
    }

    /** struct sockaddr_un: family, then the path (NUL-terminated) or "\0name" (exact length). */
    static byte[] sockaddr(String name) throws IOException {
        boolean abs = name.startsWith("@");
        byte[] p = (abs ? name.substring(1) : name).getBytes(StandardCharsets.UTF_8);
        if (p.length + 1 > SUN_PATH) {
            throw new IOException(name + ": socket name too long");
        }
        int len = 2 + (abs ? 1 + p.length : p.length + 1);
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder());
        b.putShort((short) LibC.AF_UNIX);
        if (abs) {
            b.put((byte) 0).put(p);
        } else {
            b.put(p).put((byte) 0);
        }
        return b.array();
    }

    public void writeFully(byte[] data, long timeoutMs) throws IOException {
        int off = 0;
        while (off < data.length) {
            awaitReady(LibC.POLLOUT, timeoutMs);
            byte[] chunk = off == 0 ? data : java.util.Arrays.copyOfRange(data, off, data.length);
            try {
                long n = LibC.INSTANCE.send(fd, chunk, chunk.length, 0x4000 /* MSG_NOSIGNAL */);
                off += (int) n;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw errno("send", name, e);
                }
            }
        }
    }

    /** Reads exactly buf.length bytes; EOFException-like IOException if the peer closes. */
    public void readFully(byte[] buf, long timeoutMs) throws IOException {
        int off = 0;
        byte[] tmp = new byte[Math.min(buf.length, 1 << 16)];
        while (off < buf.length) {
            awaitReady(LibC.POLLIN, timeoutMs);
            try {
                long n = LibC.INSTANCE.recv(fd, tmp, Math.min(tmp.length, buf.length - off), 0);
                if (n == 0) {
                    throw new java.io.EOFException(name + ": connection closed by the daemon");
                }
                System.arraycopy(tmp, 0, buf, off, (int) n);
                off += (int) n;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw errno("recv", name, e);
                }
            }
        }
    }

    private void awaitReady(short events, long timeoutMs) throws IOException {
        ByteBuffer pfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        pfd.putInt(fd).putShort(events).putShort((short) 0);
        while (true) {
            try {
                int r = LibC.INSTANCE.poll(pfd.array(), 1, (int) Math.min(Integer.MAX_VALUE, timeoutMs));
                if (r == 0) {
                    throw new SocketTimeoutException(name + ": timeout");
                }
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw errno("poll", name, e);
                }
            }
        }
    }

    private static ErrnoException errno(String op, String name, LastErrorException e) {
        return new ErrnoException(op, name, e.getErrorCode(), errnoName(e.getErrorCode()));
    }

    /** Socket errnos (x86_64) the shared table lacks, then the shared table. */
    static String errnoName(int errno) {
        return switch (errno) {
            case 32 -> "EPIPE";
            case 104 -> "ECONNRESET";
            case 111 -> "ECONNREFUSED";
            case 91 -> "EPROTOTYPE";
            case 97 -> "EAFNOSUPPORT";
            case 98 -> "EADDRINUSE";
            case 99 -> "EADDRNOTAVAIL";
            default -> Errno.name(errno);
        };
    }

    private static void closeQuietly(int fd) {
        try {
            LibC.INSTANCE.close(fd);
        } catch (LastErrorException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closeQuietly(fd);
    }
}
