package io.jmultipath.checker.scsi;

import io.jmultipath.checker.scsi.jna.JnaSgIo;

/** Factory for the production {@link SgIo}. */
public final class SgIos {
    private SgIos() {
    }

    /** ioctl(SG_IO) through JNA; loading libc happens here, not in a static initialiser. */
    public static SgIo kernel() {
        return new JnaSgIo();
    }
}
