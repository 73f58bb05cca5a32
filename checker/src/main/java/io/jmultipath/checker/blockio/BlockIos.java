package io.jmultipath.checker.blockio;

import io.jmultipath.checker.blockio.jna.JnaBlockIo;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Factory for the production {@link BlockIo}. */
public final class BlockIos {
    private static final Logger LOG = LoggerFactory.getLogger(BlockIos.class);

    private BlockIos() {
    }

    /**
     * JDK O_DIRECT reads with the device's block size (BLKBSZGET through JNA), JNA pread for block
     * sizes the JDK refuses; the JDK alone with 4096-byte blocks where JNA cannot load.
     */
    public static BlockIo kernel() {
        Optional<NativeBlockIo> nat;
        try {
            nat = Optional.of(new JnaBlockIo());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            LOG.warn("directio: JNA unavailable ({}), using JDK direct I/O with 4096-byte blocks", e.toString());
            nat = Optional.empty();
        }
        return new DirectBlockIo(new JdkBlockIo(), nat);
    }
}
