package io.jmultipath.daemon.discovery.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds binary VPD / INQUIRY pages as a real target returns them (for the simulated SAN and tests). */
public final class Vpd83Encoder {

    private Vpd83Encoder() {
    }

    /** A designator: code set, association, type and value bytes. */
    public static byte[] designator(int codeSet, int association, int type, byte[] value) {
        byte[] d = new byte[4 + value.length];
        d[0] = (byte) (codeSet & 0x0f);
        d[1] = (byte) (((association & 0x3) << 4) | (type & 0x0f));
        d[3] = (byte) value.length;
        System.arraycopy(value, 0, d, 4, value.length);
        return d;
    }

    /**
     * The LUN designator from which multipath derives {@code wwid} (by its leading type digit; an
     * "8…" WWID comes from an "iqn." SCSI name string, whose prefix the WWID does not carry).
     */
    public static byte[] lunDesignator(String wwid) {
        char kind = wwid.charAt(0);
        String rest = wwid.substring(1);
        switch (kind) {
            case '3': return designator(1, 0, 3, HexFormat.of().parseHex(rest));
            case '2': return designator(1, 0, 2, HexFormat.of().parseHex(rest));
            case '1': return designator(2, 0, 1, rest.replace('_', ' ').getBytes(StandardCharsets.US_ASCII));
            case '8': {
                byte[] name = ("iqn." + rest).getBytes(StandardCharsets.US_ASCII);
                byte[] padded = new byte[(name.length + 4) / 4 * 4];
                System.arraycopy(name, 0, padded, 0, name.length);
                return designator(3, 0, 8, padded);
            }
            default: throw new IllegalArgumentException("unsupported WWID type: " + wwid);
        }
    }

    /** Page 0x83 from designators. */
    public static byte[] page83(byte[]... designators) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] d : designators) {
            body.writeBytes(d);
        }
        byte[] b = body.toByteArray();
        byte[] page = new byte[4 + b.length];
        page[1] = (byte) 0x83;
        page[2] = (byte) (b.length >> 8);
        page[3] = (byte) b.length;
        System.arraycopy(b, 0, page, 4, b.length);
        return page;
    }

    /** Page 0x83 of a LUN: its LUN designator, then target port group and relative port designators. */
    public static byte[] page83(String wwid, int tpgId, int relPort) {
        byte[] tpg = {0, 0, (byte) (tpgId >> 8), (byte) tpgId};
        byte[] rel = {0, 0, (byte) (relPort >> 8), (byte) relPort};
        return page83(lunDesignator(wwid), designator(1, 1, 5, tpg), designator(1, 1, 4, rel));
    }

    /** Page 0x80 (unit serial number). */
    public static byte[] page80(String serial) {
        byte[] s = serial.getBytes(StandardCharsets.US_ASCII);
        byte[] page = new byte[4 + s.length];
        page[1] = (byte) 0x80;
        page[2] = (byte) (s.length >> 8);
        page[3] = (byte) s.length;
        System.arraycopy(s, 0, page, 4, s.length);
        return page;
    }

    /** Standard INQUIRY data (36 bytes), TPGS bits in byte 5. */
    public static byte[] inquiry(String vendor, String product, String rev, int tpgs) {
        byte[] b = new byte[36];
        b[2] = 6;
        b[3] = 2;
        b[4] = 31;
        b[5] = (byte) ((tpgs & 3) << 4);
        put(b, 8, 8, vendor);
        put(b, 16, 16, product);
        put(b, 32, 4, rev);
        return b;
    }

    private static void put(byte[] b, int off, int len, String s) {
        String p = String.format("%-" + len + "s", s);
        System.arraycopy(p.getBytes(StandardCharsets.US_ASCII), 0, b, off, len);
    }

    /** The sysfs {@code device/wwid} text for a WWID ("naa.6001…", "eui.…", "t10.…"). */
    public static String sysfsWwid(String wwid) {
        String rest = wwid.substring(1);
        switch (wwid.charAt(0)) {
            case '3': return "naa." + rest;
            case '2': return "eui." + rest;
            case '1': return "t10." + rest.replace('_', ' ');
            default: return rest;
        }
    }
}
