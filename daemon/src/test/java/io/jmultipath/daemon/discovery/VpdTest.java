package io.jmultipath.daemon.discovery;

import io.jmultipath.daemon.discovery.fake.Vpd83Encoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import static io.jmultipath.daemon.discovery.fake.Vpd83Encoder.designator;
import static io.jmultipath.daemon.discovery.fake.Vpd83Encoder.page83;
import static org.junit.jupiter.api.Assertions.assertEquals;

class VpdTest {

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static Optional<String> wwid(byte[]... designators) {
        return Vpd.wwid(page83(designators));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "NAA 6 registered extended, 3, 6001405abcdef0123456789abcdef012, 36001405abcdef0123456789abcdef012",
            "NAA 5 registered, 3, 5000c500a1b2c3d4, 35000c500a1b2c3d4",
            "NAA 2 extended, 3, 2000001b32123456, 32000001b32123456",
            "NAA 3 locally assigned, 3, 3000000000000001, 33000000000000001",
            "EUI-64 8 bytes, 2, 0025385b71b0a1b2, 20025385b71b0a1b2",
            "EUI-64 12 bytes, 2, 0025385b71b0a1b2c3d4e5f6, 20025385b71b0a1b2c3d4e5f6",
            "EUI-64 16 bytes, 2, 0025385b71b0a1b2c3d4e5f6a7b8c9d0, 20025385b71b0a1b2c3d4e5f6a7b8c9d0",
    })
    void binaryDesignators(String name, int type, String value, String expected) {
        assertEquals(Optional.of(expected), wwid(designator(1, 0, type, hex(value))), name);
    }

    @Test
    void t10VendorIdCollapsesBlanks() {
        assertEquals(Optional.of("1LIO-ORG_disk_0123"),
                wwid(designator(2, 0, 1, ascii("LIO-ORG disk    0123   "))));
        assertEquals(Optional.of("1Linux_A123_B"), wwid(designator(2, 0, 1, ascii("Linux   A123  B"))),
                "vendor field padding collapses like any blank run");
        assertEquals(Optional.of("1_LEAD_X"), wwid(designator(2, 0, 1, ascii(" LEAD   X"))),
                "a leading blank becomes '_' (multipath-tools keeps it)");
        assertEquals(Optional.of("1VENDOR_ID_"), wwid(designator(2, 0, 1, ascii("VENDOR ID \0\0"))),
                "the WWID ends at NUL; a '_' before the NUL stays");
        assertEquals(Optional.empty(), wwid(designator(2, 0, 1, ascii("SHORT"))), "T10 id shorter than 8 bytes");
    }

    @Test
    void scsiNameStrings() {
        assertEquals(Optional.of("82003-01.org.example:disk1"),
                wwid(designator(3, 0, 8, ascii("iqn.2003-01.org.example:disk1\0\0\0"))),
                "'8' + the name without its iqn. prefix, case kept");
        assertEquals(Optional.of("82003-01.Org.Example:DISK1"),
                wwid(designator(3, 0, 8, ascii("iqn.2003-01.Org.Example:DISK1\0\0\0"))));
        assertEquals(Optional.of("36001405abcdef01"), wwid(designator(3, 0, 8, ascii("naa.6001405ABCDEF01\0"))));
        assertEquals(Optional.of("20025385b71b0a1b2"), wwid(designator(3, 0, 8, ascii("eui.0025385B71B0A1B2\0\0\0\0"))));
        assertEquals(Optional.of("2abcdef0"), wwid(designator(3, 0, 8, ascii("eui.ABCDEF01"))),
                "no NUL terminator: the last byte is taken as the terminator");
        assertEquals(Optional.empty(), wwid(designator(3, 0, 8, ascii("xyz.12345678"))), "unknown name format");
        assertEquals(Optional.empty(), wwid(designator(3, 0, 8, ascii("EUI.0025385B71B0A1B2"))),
                "the prefix is case-sensitive");
    }

    @Test
    void longNameIsCutAt127Characters() {
        String id = "x".repeat(200);
        Optional<String> w = wwid(designator(3, 0, 8, ascii("iqn." + id + "\0\0\0\0")));
        assertEquals(127, w.orElseThrow().length(), "WWID_SIZE 128 including the NUL");
        assertEquals("8" + "x".repeat(126), w.get());
    }

    @Test
    void priorityOrderIsNaaThenEuiThenNameThenT10() {
        byte[] t10 = designator(2, 0, 1, ascii("VENDOR  PRODUCT 42"));
        byte[] eui = designator(1, 0, 2, hex("0025385b71b0a1b2"));
        byte[] name = designator(3, 0, 8, ascii("iqn.2003-01.x:y\0"));
        byte[] naaLocal = designator(1, 0, 3, hex("3000000000000001"));
        byte[] naa2 = designator(1, 0, 3, hex("2000001b32123456"));
        byte[] naa5 = designator(1, 0, 3, hex("5000c500a1b2c3d4"));
        byte[] naa6 = designator(1, 0, 3, hex("6001405abcdef0123456789abcdef012"));
        assertEquals(Optional.of("1VENDOR_PRODUCT_42"), wwid(naaLocal, t10), "T10 (2) beats NAA locally assigned (1)");
        assertEquals(Optional.of("82003-01.x:y"), wwid(t10, name), "SCSI name (3) beats T10 (2)");
        assertEquals(Optional.of("20025385b71b0a1b2"), wwid(name, eui, t10), "EUI-64 (4) beats SCSI name (3)");
        assertEquals(Optional.of("32000001b32123456"), wwid(eui, naa2), "NAA extended (6) beats EUI-64 (4)");
        assertEquals(Optional.of("35000c500a1b2c3d4"), wwid(name, naa2, naa5, eui));
        assertEquals(Optional.of("36001405abcdef0123456789abcdef012"), wwid(naa5, naa6, name));
        assertEquals(Optional.of("35000c500a1b2c3d4"), wwid(naa5, designator(1, 0, 3, hex("5000c500ffffffff"))),
                "first designator wins a tie");
    }

    @Test
    void onlyLunAssociatedDesignatorsCount() {
        byte[] portNaa = designator(1, 1, 3, hex("6001405abcdef0123456789abcdef012"));
        byte[] targetNaa = designator(1, 2, 3, hex("5000c500a1b2c3d4"));
        byte[] reservedNaa = designator(1, 3, 3, hex("5000c500a1b2c3d5"));
        byte[] lunEui = designator(1, 0, 2, hex("0025385b71b0a1b2"));
        assertEquals(Optional.of("20025385b71b0a1b2"), wwid(portNaa, targetNaa, reservedNaa, lunEui));
        assertEquals(Optional.empty(), wwid(portNaa, targetNaa));
    }

    @Test
    void badPages() {
        assertEquals(Optional.empty(), Vpd.wwid(null));
        assertEquals(Optional.empty(), Vpd.wwid(new byte[3]));
        assertEquals(Optional.empty(), Vpd.wwid(hex("00800004")), "wrong page code");
        assertEquals(Optional.empty(), Vpd.wwid(hex("00830000")), "no designators");
        byte[] p = page83(designator(1, 0, 3, hex("6001405abcdef0123456789abcdef012")));
        byte[] truncated = java.util.Arrays.copyOf(p, p.length - 4);
        assertEquals(Optional.empty(), Vpd.wwid(truncated), "designator runs past the buffer");
        assertEquals(Optional.empty(), wwid(designator(1, 0, 3, hex("6001405abcdef012"))), "NAA 6 must be 16 bytes");
        assertEquals(Optional.empty(), wwid(designator(1, 0, 2, hex("0025385b71"))), "EUI-64 length 5");
        assertEquals(Optional.empty(), wwid(designator(1, 0, 3, hex("1000001b32123456"))), "NAA 1 is not used");
        assertEquals(Optional.of("35000c500a1b2c3d4"), Vpd.wwid(page83(designator(1, 0, 3, hex("5000c500a1b2c3d4")),
                new byte[] {1, 0, 0, (byte) 200, 1, 2})), "a designator running past the page ends the scan only");
        byte[] lying = page83(designator(1, 0, 3, hex("5000c500a1b2c3d4")));
        lying[3] = (byte) 0xff; // page length larger than the buffer: parse what is there
        assertEquals(Optional.of("35000c500a1b2c3d4"), Vpd.wwid(lying));
    }

    @Test
    void encoderRoundTrips() {
        for (String w : new String[] {"36001405abcdef0123456789abcdef012", "35000c500a1b2c3d4", "20025385b71b0a1b2",
                "1LIO-ORG_disk_0123", "82003-01.org.example:disk1"}) {
            assertEquals(Optional.of(w), Vpd.wwid(Vpd83Encoder.page83(w, 1, 1)), w);
        }
        assertEquals(Optional.of(2), Vpd.targetPortGroup(Vpd83Encoder.page83("35000c500a1b2c3d4", 2, 1)));
    }

    @Test
    void serialNumberPage() {
        assertEquals(Optional.of("ABC123"), Vpd.serial(Vpd83Encoder.page80("  ABC123  ")));
        assertEquals(Optional.empty(), Vpd.serial(Vpd83Encoder.page80("    ")));
        assertEquals(Optional.empty(), Vpd.serial(hex("00830002aabb")), "wrong page");
    }

    @Test
    void inquiryTpgsAndSysfsWwid() {
        assertEquals(Optional.of(1), Vpd.tpgs(Vpd83Encoder.inquiry("LIO-ORG", "disk", "4.0", 1)));
        assertEquals(Optional.of(3), Vpd.tpgs(Vpd83Encoder.inquiry("X", "Y", "1", 3)));
        assertEquals(Optional.empty(), Vpd.tpgs(new byte[4]));
        assertEquals(Optional.of("36001405abc"), Vpd.fromSysfsWwid("naa.6001405ABC\n"));
        assertEquals(Optional.of("2abcd"), Vpd.fromSysfsWwid("eui.ABCD"));
        assertEquals(Optional.of("1LIO-ORG_disk"), Vpd.fromSysfsWwid("t10.LIO-ORG  disk   "));
        assertEquals(Optional.empty(), Vpd.fromSysfsWwid("foo"));
    }
}
