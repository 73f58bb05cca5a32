package io.jmultipath.daemon.discovery;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Pure decoders for SCSI VPD pages as the kernel exposes them in sysfs ({@code vpd_pg80},
 * {@code vpd_pg83}). WWIDs are encoded like udev's scsi_id and multipath-tools' parse_vpd_pg83:
 * the designator type digit, then NAA / EUI-64 as lower-case hex, T10 vendor id as text with
 * blank runs collapsed to '_', SCSI name strings as text without their "eui."/"naa."/"iqn."
 * prefix ("eui."/"naa." names lower-cased and typed '2'/'3', others '8').
 */
public final class Vpd {

    private Vpd() {
    }

    /** Designator types of page 0x83. */
    static final int T10_VENDOR = 0x1;
    static final int EUI64 = 0x2;
    static final int NAA = 0x3;
    static final int REL_TGT_PORT = 0x4;
    static final int TPG = 0x5;
    static final int SCSI_NAME = 0x8;

    /** Unit serial number from page 0x80, surrounding blanks stripped; empty if none. */
    public static Optional<String> serial(byte[] page) {
        if (page == null || page.length < 4 || (page[1] & 0xff) != 0x80) {
            return Optional.empty();
        }
        int len = Math.min(be16(page, 2), page.length - 4);
        String s = new String(page, 4, Math.max(len, 0), StandardCharsets.ISO_8859_1);
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            s = s.substring(0, nul);
        }
        s = s.strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** WWID_SIZE of multipath-tools: a WWID has at most 127 characters. */
    static final int WWID_MAX = 127;

    /**
     * WWID from page 0x83, as multipath-tools' parse_vpd_pg83 (the fallback when udev has no
     * uid_attribute property). Only designators associated with the LUN count; the one with the best
     * priority wins, the first one on ties: NAA IEEE Registered Extended (6, 16 bytes) 8 &gt; NAA IEEE
     * Registered (5, 8 bytes) 7 &gt; NAA IEEE Extended (2, 8 bytes) 6 &gt; EUI-64 (8/12/16 bytes) 4 &gt;
     * SCSI name string ("eui.", "naa.", "iqn.") 3 &gt; T10 vendor id (&ge; 8 bytes) 2 &gt; NAA locally
     * assigned (3, 8 bytes) 1. Designators with a bad length, a reserved association or another
     * type are skipped; a designator running past the page ends the scan (what was found before
     * it still counts).
     */
    public static Optional<String> wwid(byte[] page) {
        if (page == null || page.length < 4 || (page[1] & 0xff) != 0x83) {
            return Optional.empty();
        }
        int end = Math.min(page.length, be16(page, 2) + 4);
        int best = -1;
        int bestOff = -1;
        for (int d = 4; d + 4 <= end; d += (page[d + 3] & 0xff) + 4) {
            int dlen = page[d + 3] & 0xff;
            if (d + 4 + dlen > end) {
                break; // designator runs past the page
            }
            if ((page[d + 1] & 0x30) != 0) {
                continue; // associated with the target port or target device (0x30: reserved)
            }
            int prio = priority(page, d, dlen);
            if (prio > best) {
                best = prio;
                bestOff = d;
            }
        }
        if (best <= 0) {
            return Optional.empty();
        }
        return encode(page, bestOff).map(Vpd::stripTrailingBlanks).filter(Vpd::usableWwid);
    }

    /**
     * A WWID must be non-empty and free of control characters: it names the map, goes into the
     * wwids and bindings files and into every output line (a corrupt page or property is no WWID).
     */
    static boolean usableWwid(String s) {
        return !s.isEmpty() && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** Priority of a LUN designator, -1 if it is unusable (bad length, unknown type). */
    private static int priority(byte[] p, int d, int dlen) {
        switch (p[d + 1] & 0x0f) {
            case NAA: {
                if (dlen < 1) {
                    return -1;
                }
                switch ((p[d + 4] & 0xff) >> 4) {
                    case 6: return dlen == 16 ? 8 : -1;
                    case 5: return dlen == 8 ? 7 : -1;
                    case 2: return dlen == 8 ? 6 : -1;
                    case 3: return dlen == 8 ? 1 : -1;
                    default: return -1;
                }
            }
            case EUI64:
                return dlen == 8 || dlen == 12 || dlen == 16 ? 4 : -1;
            case SCSI_NAME: {
                if (dlen < 4) {
                    return -1;
                }
                String pfx = new String(p, d + 4, 4, StandardCharsets.ISO_8859_1);
                return pfx.equals("eui.") || pfx.equals("naa.") || pfx.equals("iqn.") ? 3 : -1;
            }
            case T10_VENDOR:
                return dlen >= 8 ? 2 : -1;
            default:
                return -1;
        }
    }

    private static Optional<String> encode(byte[] p, int d) {
        int type = p[d + 1] & 0x0f;
        int len = p[d + 3] & 0xff;
        int v = d + 4;
        switch (type) {
            case NAA:
            case EUI64: {
                StringBuilder out = new StringBuilder().append(type);
                for (int i = 0; i < len && out.length() + 2 <= WWID_MAX; i++) {
                    out.append(String.format("%02x", p[v + i] & 0xff));
                }
                return Optional.of(out.toString());
            }
            case SCSI_NAME:
                return Optional.of(scsiName(p, v, len));
            case T10_VENDOR:
                return Optional.of(t10(p, v, len));
            default:
                return Optional.empty();
        }
    }

    /**
     * SCSI name string: "eui."/"naa." names become '2'/'3' + the lower-cased rest, others (iqn.)
     * '8' + the rest; the prefix itself is dropped. The string ends at its NUL terminator (the
     * designator is NUL padded to a multiple of 4; without a NUL the last byte is taken as the
     * terminator, as multipath-tools does).
     */
    private static String scsiName(byte[] p, int v, int len) {
        String pfx = new String(p, v, 4, StandardCharsets.ISO_8859_1);
        char kind = pfx.equals("eui.") ? '2' : pfx.equals("naa.") ? '3' : '8';
        int body = v + 4;
        int n = len - 4;
        while (n > 2 && p[body + n - 2] == 0) {
            n--;
        }
        n = Math.min(n, WWID_MAX);
        if (n <= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder().append(kind);
        for (int i = 0; i < n - 1; i++) {
            char c = (char) (p[body + i] & 0xff);
            if (c == 0) {
                break;
            }
            out.append(kind != '8' && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    /**
     * T10 vendor id: '1' + the text with every run of blanks replaced by one '_', a trailing '_'
     * dropped; the WWID ends at a NUL byte.
     */
    private static String t10(byte[] p, int v, int len) {
        StringBuilder out = new StringBuilder("1");
        int i = 0;
        while (i < len && out.length() < WWID_MAX) {
            byte b = p[v + i];
            if (b == ' ') {
                out.append('_');
                while (i < len && p[v + i] == ' ') {
                    i++;
                }
                continue;
            }
            out.append((char) (b & 0xff));
            i++;
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '_') {
            out.setLength(out.length() - 1);
        }
        int nul = out.indexOf("\0");
        return nul >= 0 ? out.substring(0, nul) : out.toString();
    }

    /** get_uid strips trailing blanks from any WWID. */
    static String stripTrailingBlanks(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == ' ') {
            e--;
        }
        return s.substring(0, e);
    }

    /** ALUA target port group id from a designator of type 5 (any association), if present. */
    public static Optional<Integer> targetPortGroup(byte[] page) {
        if (page == null || page.length < 4 || (page[1] & 0xff) != 0x83) {
            return Optional.empty();
        }
        int end = Math.min(page.length, be16(page, 2) + 4);
        for (int d = 4; d + 4 <= end; d += (page[d + 3] & 0xff) + 4) {
            int dlen = page[d + 3] & 0xff;
            if (d + 4 + dlen > end) {
                break;
            }
            if ((page[d + 1] & 0x0f) == TPG && dlen >= 4) {
                return Optional.of(be16(page, d + 6));
            }
        }
        return Optional.empty();
    }

    /** Standard INQUIRY byte 5 TPGS field (0 none, 1 implicit, 2 explicit, 3 both). */
    public static Optional<Integer> tpgs(byte[] inquiry) {
        if (inquiry == null || inquiry.length < 6) {
            return Optional.empty();
        }
        return Optional.of((inquiry[5] >> 4) & 0x3);
    }

    /**
     * WWID from the sysfs {@code device/wwid} attribute: "naa.6001…" → "36001…", "eui.…" → "2…",
     * "t10.…" → "1…" (blank runs to '_'); empty if the text has control characters.
     */
    public static Optional<String> fromSysfsWwid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.length() <= 4) {
            return Optional.empty();
        }
        String pfx = s.substring(0, 4).toLowerCase(Locale.ROOT);
        String rest = s.substring(4);
        String w;
        switch (pfx) {
            case "naa.": w = "3" + rest.toLowerCase(Locale.ROOT); break;
            case "eui.": w = "2" + rest.toLowerCase(Locale.ROOT); break;
            case "t10.": w = "1" + rest.strip().replaceAll(" +", "_"); break;
            default: return Optional.empty();
        }
        return Optional.of(w).filter(Vpd::usableWwid);
    }

    static int be16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }
}
