package io.jmultipath.checker.blockio;

import com.sun.nio.file.ExtendedOpenOption;
import io.jmultipath.checker.ErrnoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Pure-JDK direct read (FileChannel + ExtendedOpenOption.DIRECT, buffer aligned with
 * alignedSlice). Without an ioctl it cannot ask the device for its block size, so it reads
 * max(4096, the file store's block size) bytes, as directio does when BLKBSZGET fails. Used where
 * JNA cannot be loaded.
 */
public final class JdkBlockIo implements BlockIo {
    static final int DEFAULT_BLOCK = 4096;

    @Override
    public DirectRead readFirstBlock(Path devNode) throws ErrnoException {
        String dev = devNode.toString();
        try (FileChannel ch = FileChannel.open(devNode, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
            int align = (int) Math.max(1, Files.getFileStore(devNode).getBlockSize());
            int bs = Math.max(DEFAULT_BLOCK, align);
            ByteBuffer buf = ByteBuffer.allocateDirect(bs + align).alignedSlice(align);
            buf.limit(bs);
            int n = ch.read(buf, 0);
            return new DirectRead(bs, false, Math.max(0, n));
        } catch (NoSuchFileException e) {
            throw new ErrnoException("open", dev, 2, "ENOENT");
        } catch (AccessDeniedException e) {
            throw new ErrnoException("open", dev, 13, "EACCES");
        } catch (IOException e) {
            throw new ErrnoException("read", dev, 5, "EIO (" + e.getMessage() + ")");
        }
    }
}
