package io.jmultipath.checker.scsi;

import java.util.Optional;

/** Sense key / ASC / ASCQ from fixed (0x70/0x71) or descriptor (0x72/0x73) format sense data. */
public record Sense(int key, int asc, int ascq) {
    public static final int NO_SENSE = 0x0;
    public static final int NOT_READY = 0x2;
    public static final int MEDIUM_ERROR = 0x3;
    public static final int HARDWARE_ERROR = 0x4;
    public static final int ILLEGAL_REQUEST = 0x5;
    public static final int UNIT_ATTENTION = 0x6;

    /** Parses like multipath-tools' tur checker: descriptor needs > 3 bytes, fixed > 13 bytes. */
    public static Optional<Sense> parse(byte[] sb) {
        if (sb.length > 3) {
            int code = sb[0] & 0xff;
            if (code == 0x72 || code == 0x73) {
                return Optional.of(new Sense(sb[1] & 0x0f, sb[2] & 0xff, sb[3] & 0xff));
            }
            int fixed = code & 0x7f;
            if (sb.length > 13 && (fixed == 0x70 || fixed == 0x71)) {
                return Optional.of(new Sense(sb[2] & 0x0f, sb[12] & 0xff, sb[13] & 0xff));
            }
        }
        return Optional.empty();
    }

    public boolean is(int k, int a, int q) {
        return key == k && asc == a && ascq == q;
    }

    @Override
    public String toString() {
        return String.format("sense key 0x%x asc/ascq 0x%02x/0x%02x", key, asc, ascq);
    }
}
