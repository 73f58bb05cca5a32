package io.jmultipath.checker.scsi;

import java.util.Optional;

/** Parsers for standard INQUIRY and VPD page 0x83 data (pure). */
public final class Inquiry {
    public static final int TPGS_NONE = 0;
    public static final int TPGS_IMPLICIT = 1;
    public static final int TPGS_EXPLICIT = 2;
    public static final int TPGS_BOTH = 3;
    static final int DESIGNATOR_TARGET_PORT_GROUP = 0x5;

    private Inquiry() {
    }

    /** TPGS field of standard INQUIRY byte 5 (bits 5..4); empty when the data is too short. */
    public static Optional<Integer> tpgs(byte[] stdInquiry) {
        if (stdInquiry.length < 6) {
            return Optional.empty();
        }
        return Optional.of((stdInquiry[5] >> 4) & 0x3);
    }

    /**
     * Target port group id from a VPD 0x83 page: the first designator of type 0x5 (target port
     * group), its 2-byte id at designator bytes 2..3. Empty when absent or malformed.
     */
    public static Optional<Integer> targetPortGroup(byte[] vpd83) {
        if (vpd83.length < 4 || (vpd83[1] & 0xff) != 0x83) {
            return Optional.empty();
        }
        int end = Math.min(vpd83.length, 4 + (((vpd83[2] & 0xff) << 8) | (vpd83[3] & 0xff)));
        int off = 4;
        while (off + 4 <= end) {
            int type = vpd83[off + 1] & 0x0f;
            int len = vpd83[off + 3] & 0xff;
            if (off + 4 + len > end) {
                break;
            }
            if (type == DESIGNATOR_TARGET_PORT_GROUP && len >= 4) {
                return Optional.of(((vpd83[off + 6] & 0xff) << 8) | (vpd83[off + 7] & 0xff));
            }
            off += 4 + len;
        }
        return Optional.empty();
    }
}
