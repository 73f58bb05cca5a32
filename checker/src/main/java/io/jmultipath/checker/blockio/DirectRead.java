package io.jmultipath.checker.blockio;

/** One direct read: the block size used (and whether the device reported it) and bytes read. */
public record DirectRead(int blockSize, boolean blockSizeFromDevice, int bytesRead) {
    public boolean complete() {
        return bytesRead == blockSize;
    }
}
