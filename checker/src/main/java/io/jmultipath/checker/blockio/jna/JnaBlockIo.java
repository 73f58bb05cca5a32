package io.jmultipath.checker.blockio.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.jmultipath.checker.Errno;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.blockio.BlockIo;
import io.jmultipath.checker.blockio.DirectRead;
import java.nio.file.Path;

/**
 * open(O_DIRECT) + ioctl(BLKBSZGET) + pread into a 4096-aligned buffer + close. The JDK's
 * ExtendedOpenOption.DIRECT is not used because it insists on the file store's block size
 * (4096 on devtmpfs) while a device's block size may be 512.
 */
public final class JnaBlockIo implements BlockIo {
    static final int MAX_BLOCK = 4096;
    private final BlockLibC libc;

    public JnaBlockIo() {
        this.libc = Native.load("c", BlockLibC.class);
    }

    @Override
    public DirectRead readFirstBlock(Path devNode) throws ErrnoException {
        String dev = devNode.toString();
        int fd = open(dev);
        try {
            int bs = MAX_BLOCK;
            boolean fromDevice = false;
            Memory arg = new Memory(8);
            for (long req : new long[] {BlockLibC.BLKBSZGET, BlockLibC.BLKSSZGET}) {
                try {
                    arg.clear();
                    libc.ioctl(fd, req, arg);
                    int v = arg.getInt(0);
                    if (v > 0) {
                        bs = Math.min(v, MAX_BLOCK);
                        fromDevice = true;
                        break;
                    }
                } catch (LastErrorException e) {
                    // not a block device or ioctl unsupported: next request, else directio's default
                }
            }
            Memory raw = new Memory(2L * MAX_BLOCK);
            Pointer buf = raw.align(MAX_BLOCK);
            long n = pread(fd, dev, buf, bs);
            return new DirectRead(bs, fromDevice, (int) n);
        } finally {
            try {
                libc.close(fd);
            } catch (LastErrorException ignored) {
                // read-only fd; nothing to recover
            }
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

    private int open(String dev) throws ErrnoException {
        while (true) {
            try {
                return libc.open(dev, BlockLibC.O_RDONLY | BlockLibC.O_DIRECT | BlockLibC.O_CLOEXEC);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Errno.EINTR) {
                    throw new ErrnoException("open", dev, e.getErrorCode(), Errno.name(e.getErrorCode()));
                }
            }
        }
    }
}
