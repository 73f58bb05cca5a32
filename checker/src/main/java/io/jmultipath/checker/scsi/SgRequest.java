package io.jmultipath.checker.scsi;

import java.time.Duration;
import java.util.Objects;

/** A SCSI command for SG_IO: CDB, data direction, data-in length, timeout, sense buffer size. */
public record SgRequest(byte[] cdb, Direction direction, int dataLength, Duration timeout, int senseLength) {
    public enum Direction { NONE, FROM_DEVICE }

    public static final int DEFAULT_SENSE_LENGTH = 32;

    public SgRequest {
        Objects.requireNonNull(cdb, "cdb");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(timeout, "timeout");
        if (cdb.length < 6 || cdb.length > 16) {
            throw new IllegalArgumentException("CDB length " + cdb.length);
        }
        if (dataLength < 0 || (direction == Direction.NONE && dataLength != 0)) {
            throw new IllegalArgumentException("data length " + dataLength + " for " + direction);
        }
        if (senseLength < 0 || senseLength > 255) {
            throw new IllegalArgumentException("sense length " + senseLength);
        }
        cdb = cdb.clone();
    }

    @Override
    public byte[] cdb() {
        return cdb.clone();
    }

    public int opcode() {
        return cdb[0] & 0xff;
    }
}
