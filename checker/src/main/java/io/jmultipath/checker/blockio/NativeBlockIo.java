package io.jmultipath.checker.blockio;

import io.jmultipath.checker.ErrnoException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * What directio needs beyond the JDK (implemented with JNA in blockio.jna): the device's block size
 * ({@code ioctl(BLKBSZGET)}) and an O_DIRECT {@code pread} of a block size the JDK refuses.
 */
public interface NativeBlockIo {
    /** BLKBSZGET capped at 4096; empty when the ioctl fails (not a block device). */
    OptionalInt blockSize(Path devNode) throws ErrnoException;

    /** open(O_RDONLY|O_DIRECT) + pread of blockSize bytes at offset 0 into a 4096-aligned buffer. */
    DirectRead pread(Path devNode, int blockSize) throws ErrnoException;
}
