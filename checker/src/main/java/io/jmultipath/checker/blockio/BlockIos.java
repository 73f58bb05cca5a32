package io.jmultipath.checker.blockio;

import io.jmultipath.checker.blockio.jna.JnaBlockIo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Factory for the production {@link BlockIo}. */
public final class BlockIos {
    private static final Logger LOG = LoggerFactory.getLogger(BlockIos.class);

    private BlockIos() {
    }

    /** JNA open(O_DIRECT)/BLKBSZGET/pread; the pure-JDK reader where JNA cannot load. */
    public static BlockIo kernel() {
        try {
            return new JnaBlockIo();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            LOG.warn("directio: JNA unavailable ({}), using JDK direct I/O with 4096-byte blocks", e.toString());
            return new JdkBlockIo();
        }
    }
}
