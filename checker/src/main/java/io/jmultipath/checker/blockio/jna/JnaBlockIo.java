package io.jmultipath.checker.blockio.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.jmultipath.checker.Errno;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.DirectRead;
import io.jmultipath.checker.blockio.NativeBlockIo;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * open + ioctl(BLKBSZGET) for the block size, and open(O_DIRECT) + pread into a 4096-aligned
 * buffer for the block sizes the JDK's ExtendedOpenOption.DIRECT refuses (it insists on the file
 * store's block size, 4096 on devtmpfs, while a device's block size may be 512).
 * {@link #readFirstBlock} does both (directio entirely through libc).
 */
public final class JnaBlockIo implements BlockIo, NativeBlockIo {
    static final int MAX_BLOCK = 4096;
    private final BlockLibC libc;

    public JnaBlockIo() {
        this.libc = Native.load("c", BlockLibC.class);
    }

    @Override
    public DirectRead readFirstBlock(Path devNode) throws ErrnoException {
        OptionalInt bs = blockSize(devNode);
        DirectRead r = pread(devNode, bs.orElse(MAX_BLOCK));
        return new DirectRead(r.blockSize(), bs.isPresent(), r.bytesRead(), r.reader());
    }

    @Override
    public OptionalInt blockSize(Path devNode) throws ErrnoException {
        String dev = devNode.toString();
        int fd = open(dev, BlockLibC.O_RDONLY | BlockLibC.O_CLOEXEC);
        try {
            Memory arg = new Memory(8);
            arg.clear();
            libc.ioctl(fd, BlockLibC.BLKBSZGET, arg);
            int v = arg.getInt(0);
            return v > 0 ? OptionalInt.of(Math.min(v, MAX_BLOCK)) : OptionalInt.empty();
        } catch (LastErrorException e) {
            return OptionalInt.empty();                 // not a block device: directio's default
        } finally {
            close(fd);
        }
    }

    @Override
    public DirectRead pread(Path devNode, int blockSize) throws ErrnoException {
        if (blockSize <= 0 || blockSize > MAX_BLOCK) {
            throw new IllegalArgumentException("block size " + blockSize);
        }
        String dev = devNode.toString();
        int fd = open(dev, BlockLibC.O_RDONLY | BlockLibC.O_DIRECT | BlockLibC.O_CLOEXEC);
        try {
            Memory raw = new Memory(2L * MAX_BLOCK);
            Pointer buf = raw.align(MAX_BLOCK);
            long n = pread(fd, dev, buf, blockSize);
            return new DirectRead(blockSize, true, (int) n, DirectRead.NATIVE);
        } finally {
            close(fd);
        }
    }

    private long pread(int fd, String dev, Pointer buf, int bs) throws ErrnoException {
        while (true) {
            try {
                return libc.pread(fd, buf, bs, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Errno.EINTR) {
                    throw new ErrnoException("pread", dev, e.getErrorCode(), Errno.name(e.getErrorCode()));
                }
            }
        }
    }

    private int open(String dev, int flags) throws ErrnoException {
        while (true) {
            try {
                return libc.open(dev, flags);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Errno.EINTR) {
                    throw new ErrnoException("open", dev, e.getErrorCode(), Errno.name(e.getErrorCode()));
                }
            }
        }
    }

    private void close(int fd) {
        try {
            libc.close(fd);
        } catch (LastErrorException ignored) {
            // read-only fd; nothing to recover
        }
    }
}
