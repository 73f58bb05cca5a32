package io.jmultipath.checker.blockio;

import io.jmultipath.checker.blockio.jna.JnaBlockIo;

/** Factory for the production {@link BlockIo}. */
public final class BlockIos {
    private BlockIos() {
    }

    public static BlockIo kernel() {
        return new JnaBlockIo();
    }
}
