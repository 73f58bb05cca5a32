package io.jmultipath.checker.scsi;

/** Builders for canned sense data. */
public final class Senses {
    private Senses() {
    }

    /** Fixed format (0x70), 18 bytes. */
    public static byte[] fixed(int key, int asc, int ascq) {
        byte[] s = new byte[18];
        s[0] = 0x70;
        s[2] = (byte) key;
        s[7] = 10;
        s[12] = (byte) asc;
        s[13] = (byte) ascq;
        return s;
    }

    /** Fixed format, deferred error (0x71). */
    public static byte[] fixedDeferred(int key, int asc, int ascq) {
        byte[] s = fixed(key, asc, ascq);
        s[0] = 0x71;
        return s;
    }

    /** Descriptor format (0x72), 8-byte header, no descriptors. */
    public static byte[] descriptor(int key, int asc, int ascq) {
        return new byte[] {0x72, (byte) key, (byte) asc, (byte) ascq, 0, 0, 0, 0};
    }

    public static byte[] descriptorDeferred(int key, int asc, int ascq) {
        byte[] s = descriptor(key, asc, ascq);
        s[0] = 0x73;
        return s;
    }
}
