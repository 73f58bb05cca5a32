package io.jmultipath.checker.scsi.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import io.jmultipath.checker.Errno;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.scsi.SgIo;
import io.jmultipath.checker.scsi.SgRequest;
import io.jmultipath.checker.scsi.SgResponse;
import java.nio.file.Path;

/** {@link SgIo} via open(O_RDONLY|O_NONBLOCK) + ioctl(SG_IO) + close; EINTR retried. */
public final class JnaSgIo implements SgIo {
    private final ScsiLibC libc;

    public JnaSgIo() {
        this.libc = Native.load("c", ScsiLibC.class);
    }

    @Override
    public SgResponse execute(Path devNode, SgRequest request) throws ErrnoException {
        String dev = devNode.toString();
        int fd = open(dev);
        try {
            SgIoHdr h = new SgIoHdr(request);
            while (true) {
                try {
                    libc.ioctl(fd, ScsiLibC.SG_IO, h.hdr);
                    return h.response();
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != Errno.EINTR) {
                        throw new ErrnoException("SG_IO", dev, e.getErrorCode(), Errno.name(e.getErrorCode()));
                    }
                }
            }
        } finally {
            try {
                libc.close(fd);
            } catch (LastErrorException ignored) {
                // nothing useful to do about a failed close of a read-only fd
            }
        }
    }

    private int open(String dev) throws ErrnoException {
        while (true) {
            try {
                return libc.open(dev, ScsiLibC.O_RDONLY | ScsiLibC.O_NONBLOCK | ScsiLibC.O_CLOEXEC);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Errno.EINTR) {
                    throw new ErrnoException("open", dev, e.getErrorCode(), Errno.name(e.getErrorCode()));
                }
            }
        }
    }
}
