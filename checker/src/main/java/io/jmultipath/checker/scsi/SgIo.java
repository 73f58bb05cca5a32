package io.jmultipath.checker.scsi;

import io.jmultipath.checker.ErrnoException;
import java.nio.file.Path;

/**
 * The SG_IO transport. One call opens the device node (O_RDONLY|O_NONBLOCK), issues
 * {@code ioctl(SG_IO)} and closes it. Production: {@link SgIos#kernel()}; tests: canned responses.
 */
public interface SgIo {
    /**
     * @throws ErrnoException when open or the ioctl fails (operation "open" or "SG_IO",
     *         errno name e.g. "ENOTTY"); a completed command with bad SCSI status is a response.
     */
    SgResponse execute(Path devNode, SgRequest request) throws ErrnoException;
}
