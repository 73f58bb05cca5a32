package io.jmultipath.checker.scsi.jna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Pointer;
import io.jmultipath.checker.scsi.Cdbs;
import io.jmultipath.checker.scsi.SgResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SgIoHdrTest {
    @Test
    void layoutMatchesTheAbiFile() {
        SgIoHdr h = new SgIoHdr(Cdbs.inquiryVpd(0x83, 255, Duration.ofSeconds(30)));
        assertEquals(88, h.hdr.size());
        assertEquals('S', h.hdr.getInt(0));
        assertEquals(-3, h.hdr.getInt(4));
        assertEquals(6, h.hdr.getByte(8));
        assertEquals(32, h.hdr.getByte(9));
        assertEquals(255, h.hdr.getInt(12));
        assertEquals(Pointer.nativeValue(h.data), Pointer.nativeValue(h.hdr.getPointer(16)));
        assertEquals(Pointer.nativeValue(h.cdb), Pointer.nativeValue(h.hdr.getPointer(24)));
        assertEquals(Pointer.nativeValue(h.sense), Pointer.nativeValue(h.hdr.getPointer(32)));
        assertEquals(30000, h.hdr.getInt(40));
        assertArrayEquals(new byte[] {0x12, 1, (byte) 0x83, 0, (byte) 255, 0}, h.cdb.getByteArray(0, 6));

        SgIoHdr tur = new SgIoHdr(Cdbs.testUnitReady(Duration.ofSeconds(5)));
        assertEquals(-1, tur.hdr.getInt(4));
        assertEquals(0, tur.hdr.getInt(12));
        assertEquals(0, Pointer.nativeValue(tur.hdr.getPointer(16)));
    }

    @Test
    void responseDecodesOutputFields() {
        SgIoHdr h = new SgIoHdr(Cdbs.inquiry(96, Duration.ofSeconds(30)));
        h.hdr.setByte(64, (byte) 0x02);
        h.hdr.setByte(67, (byte) 18);
        h.hdr.setShort(68, (short) 0x07);
        h.hdr.setShort(70, (short) 0x08);
        h.hdr.setInt(72, 60);
        h.sense.setByte(0, (byte) 0x70);
        h.data.setByte(5, (byte) 0x10);
        SgResponse r = h.response();
        assertEquals(2, r.status());
        assertEquals(7, r.hostStatus());
        assertEquals(8, r.driverStatus());
        assertEquals(60, r.resid());
        assertEquals(18, r.sense().length);
        assertEquals(0x70, r.sense()[0]);
        assertEquals(36, r.data().length);
        assertEquals(0x10, r.data()[5]);
    }
}
