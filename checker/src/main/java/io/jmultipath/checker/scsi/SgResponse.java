package io.jmultipath.checker.scsi;

import java.util.Arrays;
import java.util.Objects;

/**
 * What SG_IO returned: SCSI status byte, host/driver status, resid, the sense bytes actually
 * written (sb_len_wr) and the data-in bytes (dxfer_len - resid).
 */
public record SgResponse(int status, int hostStatus, int driverStatus, int resid,
                         byte[] sense, byte[] data) {
    public static final int STATUS_GOOD = 0x00;
    public static final int STATUS_CHECK_CONDITION = 0x02;
    public static final int STATUS_CONDITION_MET = 0x04;
    public static final int STATUS_BUSY = 0x08;
    public static final int STATUS_RESERVATION_CONFLICT = 0x18;
    public static final int STATUS_TASK_SET_FULL = 0x28;

    public SgResponse {
        Objects.requireNonNull(sense, "sense");
        Objects.requireNonNull(data, "data");
        sense = sense.clone();
        data = data.clone();
    }

    public static SgResponse good(byte[] data) {
        return new SgResponse(STATUS_GOOD, 0, 0, 0, new byte[0], data);
    }

    public static SgResponse checkCondition(byte[] sense) {
        return new SgResponse(STATUS_CHECK_CONDITION, 0, 0, 0, sense, new byte[0]);
    }

    @Override
    public byte[] sense() {
        return sense.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Status with the reserved/vendor bits masked off (status & 0x7e). */
    public int scsiStatus() {
        return status & 0x7e;
    }

    @Override
    public String toString() {
        return "SgResponse[status=0x" + Integer.toHexString(status) + ", host=0x" + Integer.toHexString(hostStatus)
            + ", driver=0x" + Integer.toHexString(driverStatus) + ", resid=" + resid
            + ", sense=" + Arrays.toString(sense) + ", data=" + data.length + " bytes]";
    }
}
