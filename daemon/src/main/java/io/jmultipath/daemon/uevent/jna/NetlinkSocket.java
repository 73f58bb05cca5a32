package io.jmultipath.daemon.uevent.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.dmctl.Errno;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A bound NETLINK_KOBJECT_UEVENT datagram socket (groups bitmask: 1 = kernel, 2 = udev) that
 * reports each datagram with its sender's netlink port id and SCM_CREDENTIALS uid.
 */
public final class NetlinkSocket implements Closeable {
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int BUF = 64 * 1024;

    /** One received datagram; uid -1 when no credentials came with it. */
    public record Datagram(byte[] data, int senderPortId, int senderGroups, int uid, boolean truncated) {
    }

    private final int fd;
    private final Memory msg = new Memory(56);
    private final Memory iov = new Memory(16);
    private final Memory name = new Memory(12);
    private final Memory control = new Memory(64);
    private final Memory buf = new Memory(BUF);

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    public static NetlinkSocket open(int groups, int receiveBuffer) throws ErrnoException {
        int fd;
        try {
            fd = LibC.INSTANCE.socket(LibC.AF_NETLINK, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, LibC.NETLINK_KOBJECT_UEVENT);
        } catch (LastErrorException e) {
            throw errno("socket", e);
        }
        try {
            try {
                LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, new int[] {receiveBuffer}, 4);
            } catch (LastErrorException e) {
                LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, new int[] {receiveBuffer}, 4);
            }
            LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_PASSCRED, new int[] {1}, 4);
            ByteBuffer sa = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
            sa.putShort((short) LibC.AF_NETLINK).putShort((short) 0).putInt(0).putInt(groups);
            LibC.INSTANCE.bind(fd, sa.array(), 12);
        } catch (LastErrorException e) {
            close(fd);
            throw errno("bind", e);
        }
        return new NetlinkSocket(fd);
    }

    /** Waits up to timeoutMs (0 = do not wait) for a datagram. */
    public Optional<Datagram> receive(long timeoutMs) throws ErrnoException {
        if (!await(timeoutMs)) {
            return Optional.empty();
        }
        iov.setPointer(0, buf);
        iov.setLong(8, BUF);
        msg.clear();
        msg.setPointer(0, name);
        msg.setInt(8, 12);
        msg.setPointer(16, iov);
        msg.setLong(24, 1);
        msg.setPointer(32, control);
        msg.setLong(40, control.size());
        long n;
        while (true) {
            try {
                n = LibC.INSTANCE.recvmsg(fd, msg, LibC.MSG_DONTWAIT);
                break;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN) {
                    return Optional.empty();
                }
                if (e.getErrorCode() != EINTR) {
                    throw errno("recvmsg", e);
                }
            }
        }
        int flags = msg.getInt(48);
        int len = (int) Math.min(n, BUF);
        byte[] data = buf.getByteArray(0, len);
        int portId = name.getInt(4);
        int groups = name.getInt(8);
        int uid = -1;
        long clen = msg.getLong(40);
        if (clen >= 16 + 12 && control.getInt(8) == LibC.SOL_SOCKET && control.getInt(12) == LibC.SCM_CREDENTIALS) {
            uid = control.getInt(16 + 4);
        }
        return Optional.of(new Datagram(data, portId, groups, uid, (flags & LibC.MSG_TRUNC) != 0));
    }

    private boolean await(long timeoutMs) throws ErrnoException {
        ByteBuffer pfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        pfd.putInt(fd).putShort(LibC.POLLIN).putShort((short) 0);
        while (true) {
            try {
                return LibC.INSTANCE.poll(pfd.array(), 1, (int) Math.min(Integer.MAX_VALUE, timeoutMs)) > 0;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw errno("poll", e);
                }
            }
        }
    }

    private static ErrnoException errno(String op, LastErrorException e) {
        return new ErrnoException(op, "NETLINK_KOBJECT_UEVENT", e.getErrorCode(), Errno.name(e.getErrorCode()));
    }

    private static void close(int fd) {
        try {
            LibC.INSTANCE.close(fd);
        } catch (LastErrorException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        close(fd);
    }
}
