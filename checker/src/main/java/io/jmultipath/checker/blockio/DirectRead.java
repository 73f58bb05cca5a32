package io.jmultipath.checker.blockio;

/**
 * One direct read: the block size used (and whether the device reported it), bytes read, and
 * which reader did it ({@link #JDK}, {@link #NATIVE}; "unknown" for fakes).
 */
public record DirectRead(int blockSize, boolean blockSizeFromDevice, int bytesRead, String reader) {
    public static final String JDK = "jdk";
    public static final String NATIVE = "pread";

    public DirectRead(int blockSize, boolean blockSizeFromDevice, int bytesRead) {
        this(blockSize, blockSizeFromDevice, bytesRead, "unknown");
    }

    public boolean complete() {
        return bytesRead == blockSize;
    }
}
