package io.jmultipath.checker.scsi.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.jmultipath.checker.scsi.SgRequest;
import io.jmultipath.checker.scsi.SgResponse;

/** struct sg_io_hdr (88 bytes on x86_64, offsets from linux-abi-x86_64.txt) in native memory. */
final class SgIoHdr {
    static final int SIZE = 88;
    static final int SG_DXFER_NONE = -1;
    static final int SG_DXFER_FROM_DEV = -3;

    final Memory hdr = new Memory(SIZE);
    final Memory cdb;
    final Memory sense;
    final Memory data;
    private final int dataLength;

    SgIoHdr(SgRequest req) {
        byte[] c = req.cdb();
        cdb = new Memory(c.length);
        cdb.write(0, c, 0, c.length);
        sense = new Memory(Math.max(1, req.senseLength()));
        sense.clear();
        dataLength = req.dataLength();
        data = new Memory(Math.max(1, dataLength));
        data.clear();
        hdr.clear();
        hdr.setInt(0, 'S');
        hdr.setInt(4, req.direction() == SgRequest.Direction.NONE ? SG_DXFER_NONE : SG_DXFER_FROM_DEV);
        hdr.setByte(8, (byte) c.length);
        hdr.setByte(9, (byte) req.senseLength());
        hdr.setShort(10, (short) 0);
        hdr.setInt(12, dataLength);
        hdr.setPointer(16, dataLength == 0 ? Pointer.NULL : data);
        hdr.setPointer(24, cdb);
        hdr.setPointer(32, sense);
        long ms = Math.min(Integer.MAX_VALUE, req.timeout().toMillis());
        hdr.setInt(40, (int) ms);
        hdr.setInt(44, 0);
        hdr.setInt(48, 0);
    }

    SgResponse response() {
        int status = hdr.getByte(64) & 0xff;
        int sbLenWr = Math.min(hdr.getByte(67) & 0xff, (int) sense.size());
        int host = hdr.getShort(68) & 0xffff;
        int driver = hdr.getShort(70) & 0xffff;
        int resid = hdr.getInt(72);
        int got = Math.max(0, Math.min(dataLength, dataLength - resid));
        return new SgResponse(status, host, driver, resid, sense.getByteArray(0, sbLenWr), data.getByteArray(0, got));
    }
}
