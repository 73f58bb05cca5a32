package io.jmultipath.checker.blockio;

import com.sun.nio.file.ExtendedOpenOption;
import io.jmultipath.checker.ErrnoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Pure-JDK direct read: FileChannel with {@link ExtendedOpenOption#DIRECT} (O_DIRECT), buffer
 * aligned with alignedSlice. The JDK only accepts direct transfers that are a multiple of its
 * alignment, the node's file-store block size (4096 on devtmpfs), so a 512-byte block size is
 * refused ({@link #accepts}) and needs the native pread. Without a block size from the device it
 * reads max(4096, alignment) bytes, directio's default when BLKBSZGET fails.
 */
public final class JdkBlockIo implements BlockIo {
    static final int DEFAULT_BLOCK = 4096;

    @Override
    public DirectRead readFirstBlock(Path devNode) throws ErrnoException {
        return read(devNode, Math.max(DEFAULT_BLOCK, alignment(devNode)), false);
    }

    /** The alignment the JDK's direct I/O demands for this node (its file store's block size). */
    public static int alignment(Path devNode) throws ErrnoException {
        try {
            return (int) Math.max(1, Files.getFileStore(devNode).getBlockSize());
        } catch (IOException e) {
            throw errno("stat", devNode, e);
        }
    }

    /** Whether the JDK accepts a direct read of blockSize bytes at offset 0 given its alignment. */
    public static boolean accepts(int blockSize, int alignment) {
        return blockSize > 0 && blockSize % alignment == 0;
    }

    /** Reads blockSize bytes at offset 0 with O_DIRECT; blockSize must be {@link #accepts accepted}. */
    public DirectRead read(Path devNode, int blockSize, boolean fromDevice) throws ErrnoException {
        try (FileChannel ch = FileChannel.open(devNode, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
            int align = alignment(devNode);
            int span = (blockSize + align - 1) / align * align;    // alignedSlice keeps whole units only
            ByteBuffer buf = ByteBuffer.allocateDirect(span + align).alignedSlice(align);
            buf.limit(blockSize);
            int n = ch.read(buf, 0);
            return new DirectRead(blockSize, fromDevice, Math.max(0, n), DirectRead.JDK);
        } catch (IOException e) {
            throw errno(e instanceof NoSuchFileException || e instanceof AccessDeniedException ? "open" : "read",
                devNode, e);
        }
    }

    private static ErrnoException errno(String op, Path dev, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ErrnoException(op, dev.toString(), 2, "ENOENT");
        }
        if (e instanceof AccessDeniedException) {
            return new ErrnoException(op, dev.toString(), 13, "EACCES");
        }
        String reason = e instanceof FileSystemException && ((FileSystemException) e).getReason() != null
            ? ((FileSystemException) e).getReason() : String.valueOf(e.getMessage());
        return new ErrnoException(op, dev.toString(), 5, "EIO (" + reason + ")");
    }
}
