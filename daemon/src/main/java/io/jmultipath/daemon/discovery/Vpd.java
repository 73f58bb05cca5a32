package io.jmultipath.daemon.discovery;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Pure decoders for SCSI VPD pages as the kernel exposes them in sysfs ({@code vpd_pg80},
 * {@code vpd_pg83}). WWIDs are encoded the way udev's scsi_id / multipath-tools do:
 * NAA → "3"+hex, EUI-64 → "2"+hex, T10 vendor id → "1"+text with blank runs collapsed to '_',
 * SCSI name string → "8"+text (or "2"/"3" + lower-cased hex for "eui."/"naa." names).
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

    /**
     * WWID from page 0x83: picks the LUN-associated designator with the best priority
     * (NAA IEEE Registered Extended 8 > Registered 7 > Extended 6 > SCSI name string 4 > EUI-64 3 >
     * T10 vendor id 2 > NAA locally assigned 1), first one wins on ties.
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
                break; // truncated designator
            }
            if ((page[d + 1] & 0x30) != 0) {
                continue; // not associated with the LUN
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
        return encode(page, bestOff);
    }

    private static int priority(byte[] p, int d, int dlen) {
        switch (p[d + 1] & 0x0f) {
            case NAA:
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
            case SCSI_NAME:
                if (dlen < 4) {
                    return -1;
                }
                String pfx = new String(p, d + 4, 4, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                return pfx.equals("eui.") || pfx.equals("naa.") || pfx.equals("iqn.") ? 4 : -1;
            case EUI64:
                return dlen == 8 || dlen == 12 || dlen == 16 ? 3 : -1;
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
        StringBuilder out = new StringBuilder();
        switch (type) {
            case NAA:
            case EUI64:
                out.append(type);
                for (int i = 0; i < len; i++) {
                    out.append(String.format("%02x", p[v + i] & 0xff));
                }
                break;
            case SCSI_NAME: {
                String name = new String(p, v, len, StandardCharsets.ISO_8859_1);
                int nul = name.indexOf('\0');
                if (nul >= 0) {
                    name = name.substring(0, nul);
                }
                String pfx = name.substring(0, 4).toLowerCase(Locale.ROOT);
                String rest = name.substring(4);
                if (pfx.equals("eui.")) {
                    out.append('2').append(rest.toLowerCase(Locale.ROOT));
                } else if (pfx.equals("naa.")) {
                    out.append('3').append(rest.toLowerCase(Locale.ROOT));
                } else {
                    out.append('8').append(name);
                }
                break;
            }
            case T10_VENDOR: {
                String text = new String(p, v, len, StandardCharsets.ISO_8859_1);
                int nul = text.indexOf('\0');
                if (nul >= 0) {
                    text = text.substring(0, nul);
                }
                out.append('1').append(text.strip().replaceAll(" +", "_"));
                break;
            }
            default:
                return Optional.empty();
        }
        return out.length() > 1 ? Optional.of(out.toString()) : Optional.empty();
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
     * "t10.…" → "1…" (blank runs to '_').
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
        switch (pfx) {
            case "naa.": return Optional.of("3" + rest.toLowerCase(Locale.ROOT));
            case "eui.": return Optional.of("2" + rest.toLowerCase(Locale.ROOT));
            case "t10.": return Optional.of("1" + rest.strip().replaceAll(" +", "_"));
            default: return Optional.empty();
        }
    }

    static int be16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }
}
