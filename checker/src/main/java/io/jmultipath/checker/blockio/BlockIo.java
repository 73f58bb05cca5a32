package io.jmultipath.checker.blockio;

import io.jmultipath.checker.ErrnoException;
import java.nio.file.Path;

/** Direct (O_DIRECT) reads of a block device's first block, as multipath-tools' directio does. */
public interface BlockIo {
    /**
     * Opens devNode O_RDONLY|O_DIRECT, takes the block size from BLKBSZGET (capped at 4096;
     * 4096 when the ioctl fails), reads one block at offset 0 into an aligned buffer.
     * @throws ErrnoException when open or read fails
     */
    DirectRead readFirstBlock(Path devNode) throws ErrnoException;
}
