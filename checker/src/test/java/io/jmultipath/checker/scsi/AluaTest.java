package io.jmultipath.checker.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.Prioritizer;
import io.jmultipath.checker.Prioritizers;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AluaTest {
    static final Path DEV = Path.of("/dev/sdx");
    static final Duration T = Duration.ofSeconds(30);
    static final PathHandle SDX = new PathHandle("sdx", DEV, 8, 16, Path.of("/sys/block/sdx/device"), T);

    static byte[] stdInquiry(int tpgs) {
        byte[] d = new byte[96];
        d[0] = 0;          // disk
        d[2] = 6;          // SPC-4
        d[4] = 91;
        d[5] = (byte) (tpgs << 4);
        byte[] vendor = "Linux   scsi_debug      0191".getBytes();
        System.arraycopy(vendor, 0, d, 8, vendor.length);
        return d;
    }

    /** VPD 0x83 with a NAA designator, a relative target port designator and (optionally) a TPG designator. */
    static byte[] vpd83(Optional<Integer> tpg) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x01, 0x03, 0, 16, 0x60, 0x01, 0x40, 0x50, 0, 0, 0, 1, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88, (byte) 0x99});
        b.writeBytes(new byte[] {0x61, (byte) 0x94, 0, 4, 0, 0, 0, 1});
        tpg.ifPresent(t -> b.writeBytes(new byte[] {0x61, (byte) 0x95, 0, 4, 0, 0, (byte) (t >> 8), (byte) (t & 0xff)}));
        byte[] body = b.toByteArray();
        byte[] page = new byte[4 + body.length];
        page[1] = (byte) 0x83;
        page[3] = (byte) body.length;
        System.arraycopy(body, 0, page, 4, body.length);
        return page;
    }

    /** RTPG data: descriptors (tpg, state, pref) with one port each; extended header when asked. */
    static byte[] rtpg(boolean extended, int[][] groups) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int[] g : groups) {
            b.writeBytes(new byte[] {(byte) (g[1] | (g[2] != 0 ? 0x80 : 0)), (byte) 0x8f, (byte) (g[0] >> 8), (byte) g[0],
                0, 0, 0, 1, 0, 0, 0, (byte) (g[0] + 1)});
        }
        byte[] body = b.toByteArray();
        int hdr = extended ? 8 : 4;
        byte[] d = new byte[hdr + body.length];
        int len = body.length + (extended ? 4 : 0);
        d[2] = (byte) (len >> 8);
        d[3] = (byte) len;
        if (extended) {
            d[4] = 0x10;
            d[5] = 10;
        }
        System.arraycopy(body, 0, d, hdr, body.length);
        return d;
    }

    static FakeSgIo device(int tpgs, Optional<Integer> tpg, byte[] rtpg) {
        return new FakeSgIo().onInquiry(stdInquiry(tpgs)).onVpd(0x83, vpd83(tpg))
            .on(Cdbs.MAINTENANCE_IN, FakeSgIo.Answer.of(SgResponse.good(rtpg)));
    }

    static Stream<Arguments> states() {
        return Stream.of(
            Arguments.of(0x0, false, "", 50), Arguments.of(0x1, false, "", 10), Arguments.of(0x2, false, "", 1),
            Arguments.of(0x3, false, "", 0), Arguments.of(0x4, false, "", 5), Arguments.of(0xe, false, "", 0),
            Arguments.of(0xf, false, "", 0),
            Arguments.of(0x0, true, "", 50), Arguments.of(0x0, true, "exclusive_pref_bit", 130),
            Arguments.of(0x1, true, "", 90), Arguments.of(0x2, true, "", 81), Arguments.of(0x4, true, "", 85),
            Arguments.of(0x0, true, "foo exclusive_pref_bit", 130), Arguments.of(0x0, true, "exclusive_pref_bits", 50));
    }

    @ParameterizedTest
    @MethodSource("states")
    void aluaPriority(int state, boolean pref, String args, int expected) {
        for (boolean ext : new boolean[] {false, true}) {
            byte[] data = rtpg(ext, new int[][] {{1, 0x2, 0}, {7, state, pref ? 1 : 0}, {9, 0x0, 1}});
            FakeSgIo sg = device(3, Optional.of(7), data);
            Prioritizer p = Prioritizers.create("alua", sg);
            assertEquals(expected, p.priority(SDX, args), "extended=" + ext);
        }
    }

    @Test
    void inquireReportsTpgsAndGroup() throws Exception {
        AluaInfo info = Alua.inquire(device(1, Optional.of(0x102), rtpg(false, new int[0][])), DEV, T);
        assertEquals(Optional.of(1), info.tpgs());
        assertEquals(Optional.of(0x102), info.tpgId());
        assertTrue(info.supportsAlua());
        AluaInfo none = Alua.inquire(device(0, Optional.empty(), rtpg(false, new int[0][])), DEV, T);
        assertEquals(Optional.of(0), none.tpgs());
        assertEquals(Optional.empty(), none.tpgId());
        assertFalse(none.supportsAlua());
        // device rejecting INQUIRY entirely
        AluaInfo dead = Alua.inquire(new FakeSgIo(), DEV, T);
        assertEquals(new AluaInfo(Optional.empty(), Optional.empty()), dead);
    }

    @Test
    void undefinedWhenGroupMissingOrAluaUnsupported() {
        assertEquals(-1, Prioritizers.create("alua", device(3, Optional.of(5),
            rtpg(false, new int[][] {{1, 0, 0}}))).priority(SDX, ""));
        assertEquals(-1, Prioritizers.create("alua", device(0, Optional.empty(),
            rtpg(false, new int[][] {{1, 0, 0}}))).priority(SDX, ""));
        FakeSgIo rtpgFails = new FakeSgIo().onInquiry(stdInquiry(1)).onVpd(0x83, vpd83(Optional.of(1)))
            .on(Cdbs.MAINTENANCE_IN, FakeSgIo.Answer.of(SgResponse.checkCondition(Senses.fixed(5, 0x20, 0))));
        assertEquals(-1, Prioritizers.create("alua", rtpgFails).priority(SDX, ""));
        FakeSgIo ioctlFails = new FakeSgIo().onVpd(0x83, vpd83(Optional.of(1)))
            .on(Cdbs.MAINTENANCE_IN, FakeSgIo.Answer.errno("SG_IO", 5, "EIO"));
        assertEquals(-1, Prioritizers.create("alua", ioctlFails).priority(SDX, ""));
    }

    @Test
    void rtpgCdbAndBiggerBufferRetry() {
        int[][] many = new int[60][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new int[] {i, i == 55 ? 1 : 2, 0};
        }
        byte[] big = rtpg(false, many);              // 4 + 60*12 = 724 bytes > 512
        FakeSgIo sg = device(1, Optional.of(55), big);
        assertEquals(10, Prioritizers.create("alua", sg).priority(SDX, ""));
        List<SgRequest> r = sg.requests.stream().filter(q -> q.opcode() == Cdbs.MAINTENANCE_IN).toList();
        assertEquals(2, r.size());
        byte[] cdb = r.get(0).cdb();
        assertEquals(12, cdb.length);
        assertEquals(0x0a, cdb[1]);
        assertEquals(512, ((cdb[6] & 0xff) << 24) | ((cdb[7] & 0xff) << 16) | ((cdb[8] & 0xff) << 8) | (cdb[9] & 0xff));
        assertEquals(724, r.get(1).dataLength());
    }

    @Test
    void cachedVpdPage83InSysfsIsUsedBeforeAskingTheDevice(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        java.nio.file.Files.write(tmp.resolve("vpd_pg83"), vpd83(Optional.of(9)));
        PathHandle h = new PathHandle("sdx", DEV, 8, 16, tmp, T);
        // the device's own VPD 0x83 names group 7 (stale); the kernel's cached page says 9
        FakeSgIo sg = device(3, Optional.of(7), rtpg(false, new int[][] {{7, 0, 0}, {9, 2, 1}}));
        assertEquals(81, Prioritizers.create("alua", sg).priority(h, ""), "standby + PREF from group 9");
        assertTrue(sg.requests.stream().noneMatch(q -> q.opcode() == Cdbs.INQUIRY), "no INQUIRY sent");
        // a cached page without a TPG designator: ask the device
        java.nio.file.Files.write(tmp.resolve("vpd_pg83"), vpd83(Optional.empty()));
        FakeSgIo sg2 = device(3, Optional.of(7), rtpg(false, new int[][] {{7, 1, 0}}));
        assertEquals(10, Prioritizers.create("alua", sg2).priority(h, ""));
        assertTrue(sg2.requests.stream().anyMatch(q -> q.opcode() == Cdbs.INQUIRY));
    }

    @Test
    void tpgDesignatorParsing() {
        assertEquals(Optional.of(0xabcd), Inquiry.targetPortGroup(vpd83(Optional.of(0xabcd))));
        assertEquals(Optional.empty(), Inquiry.targetPortGroup(vpd83(Optional.empty())));
        assertEquals(Optional.empty(), Inquiry.targetPortGroup(new byte[] {0, (byte) 0x80, 0, 0}));
        byte[] truncated = vpd83(Optional.of(3));
        assertEquals(Optional.empty(), Inquiry.targetPortGroup(java.util.Arrays.copyOf(truncated, truncated.length - 2)));
        assertEquals(Optional.of(3), Inquiry.tpgs(stdInquiry(3)));
        assertEquals(Optional.empty(), Inquiry.tpgs(new byte[5]));
    }

    @Test
    void detection(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        byte[] rtpg = rtpg(false, new int[][] {{7, 1, 0}});
        assertEquals(1, Alua.detectTpgs(device(1, Optional.of(7), rtpg), DEV, T));
        assertEquals(3, Alua.detectTpgs(device(3, Optional.of(7), rtpg), DEV, T));
        assertEquals(0, Alua.detectTpgs(device(3, Optional.of(8), rtpg), DEV, T), "RTPG lacks our group");
        assertEquals(0, Alua.detectTpgs(device(0, Optional.of(7), rtpg), DEV, T));
        assertEquals(0, Alua.detectTpgs(device(1, Optional.empty(), rtpg), DEV, T));
        assertEquals(Optional.empty(), Alua.detectPrio(0, tmp));
        assertEquals(Optional.of("alua"), Alua.detectPrio(1, tmp));
        java.nio.file.Files.writeString(tmp.resolve("access_state"), "active/optimized\n");
        assertEquals(Optional.of("sysfs"), Alua.detectPrio(1, tmp));
    }
}
