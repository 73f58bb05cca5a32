package io.jmultipath.checker.scsi;

import java.time.Duration;

/** Builders for the SCSI commands the checkers and prioritizers send. */
public final class Cdbs {
    public static final int INQUIRY = 0x12;
    public static final int TEST_UNIT_READY = 0x00;
    public static final int READ_10 = 0x28;
    public static final int MAINTENANCE_IN = 0xa3;
    public static final int SA_REPORT_TARGET_PORT_GROUPS = 0x0a;

    private Cdbs() {
    }

    public static SgRequest testUnitReady(Duration timeout) {
        return new SgRequest(new byte[6], SgRequest.Direction.NONE, 0, timeout, SgRequest.DEFAULT_SENSE_LENGTH);
    }

    /** READ(10) of blocks blocks at lba 0, as readsector0's sg_read (4096-byte buffer, 512-byte sector). */
    public static SgRequest read10Sector0(int bytes, int blocks, Duration timeout) {
        byte[] cdb = new byte[10];
        cdb[0] = (byte) READ_10;
        cdb[7] = (byte) (blocks >> 8);
        cdb[8] = (byte) blocks;
        return new SgRequest(cdb, SgRequest.Direction.FROM_DEVICE, bytes, timeout, SgRequest.DEFAULT_SENSE_LENGTH);
    }

    public static SgRequest inquiry(int length, Duration timeout) {
        return new SgRequest(new byte[] {INQUIRY, 0, 0, (byte) (length >> 8), (byte) length, 0},
            SgRequest.Direction.FROM_DEVICE, length, timeout, SgRequest.DEFAULT_SENSE_LENGTH);
    }

    public static SgRequest inquiryVpd(int page, int length, Duration timeout) {
        return new SgRequest(new byte[] {INQUIRY, 1, (byte) page, (byte) (length >> 8), (byte) length, 0},
            SgRequest.Direction.FROM_DEVICE, length, timeout, SgRequest.DEFAULT_SENSE_LENGTH);
    }

    /** REPORT TARGET PORT GROUPS (MAINTENANCE IN 0xA3 / 0x0A), length-only header format. */
    public static SgRequest reportTargetPortGroups(int length, Duration timeout) {
        byte[] cdb = new byte[12];
        cdb[0] = (byte) MAINTENANCE_IN;
        cdb[1] = SA_REPORT_TARGET_PORT_GROUPS;
        cdb[6] = (byte) (length >>> 24);
        cdb[7] = (byte) (length >>> 16);
        cdb[8] = (byte) (length >>> 8);
        cdb[9] = (byte) length;
        return new SgRequest(cdb, SgRequest.Direction.FROM_DEVICE, length, timeout, SgRequest.DEFAULT_SENSE_LENGTH);
    }
}
