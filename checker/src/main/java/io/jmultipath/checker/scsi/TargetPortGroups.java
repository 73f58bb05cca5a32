package io.jmultipath.checker.scsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** REPORT TARGET PORT GROUPS response (pure parser). */
public final class TargetPortGroups {
    /** One descriptor: tpg id, asymmetric access state (low nibble), PREF bit. */
    public record Descriptor(int tpgId, int accessState, boolean preferred) {
    }

    public static final int AAS_OPTIMIZED = 0x0;
    public static final int AAS_NON_OPTIMIZED = 0x1;
    public static final int AAS_STANDBY = 0x2;
    public static final int AAS_UNAVAILABLE = 0x3;
    public static final int AAS_LBA_DEPENDENT = 0x4;
    public static final int AAS_OFFLINE = 0xe;
    public static final int AAS_TRANSITIONING = 0xf;

    private TargetPortGroups() {
    }

    /** Total length the device wants (4-byte header + returned data length), for a retry with a bigger buffer. */
    public static int requiredLength(byte[] data) {
        if (data.length < 4) {
            return 4;
        }
        long len = ((data[0] & 0xffL) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        return (int) Math.min(Integer.MAX_VALUE - 8, len + 4);
    }

    /** Parses the descriptors; supports the length-only (4-byte) and extended (8-byte, format 1) headers. */
    public static List<Descriptor> parse(byte[] data) {
        List<Descriptor> out = new ArrayList<>();
        if (data.length < 4) {
            return out;
        }
        int end = Math.min(data.length, requiredLength(data));
        int off = 4;
        if (data.length >= 8 && ((data[4] >> 4) & 0x7) == 1) {
            off = 8;                                    // extended header (PARAMETER DATA FORMAT 001b)
        }
        while (off + 8 <= end) {
            int b0 = data[off] & 0xff;
            int tpg = ((data[off + 2] & 0xff) << 8) | (data[off + 3] & 0xff);
            int ports = data[off + 7] & 0xff;
            out.add(new Descriptor(tpg, b0 & 0x0f, (b0 & 0x80) != 0));
            off += 8 + 4 * ports;
        }
        return out;
    }

    public static Optional<Descriptor> find(byte[] data, int tpgId) {
        return parse(data).stream().filter(d -> d.tpgId() == tpgId).findFirst();
    }

    /** multipath-tools' ALUA priority: 50/10/1/0/5/0/0, +80 for PREF unless optimized without exclusive_pref_bit. */
    public static int priority(int accessState, boolean preferred, boolean exclusivePrefBit) {
        int prio;
        switch (accessState) {
            case AAS_OPTIMIZED: prio = 50; break;
            case AAS_NON_OPTIMIZED: prio = 10; break;
            case AAS_LBA_DEPENDENT: prio = 5; break;
            case AAS_STANDBY: prio = 1; break;
            default: prio = 0;
        }
        if (preferred && (accessState != AAS_OPTIMIZED || exclusivePrefBit)) {
            prio += 80;
        }
        return prio;
    }

    /** get_exclusive_pref_arg: the word exclusive_pref_bit, delimited by start/end/blank/tab. */
    public static boolean exclusivePrefBit(String args) {
        if (args == null) {
            return false;
        }
        int i = args.indexOf("exclusive_pref_bit");
        if (i < 0) {
            return false;
        }
        int after = i + "exclusive_pref_bit".length();
        boolean endOk = after == args.length() || args.charAt(after) == ' ' || args.charAt(after) == '\t';
        boolean startOk = i == 0 || args.charAt(i - 1) == ' ' || args.charAt(i - 1) == '\t';
        return endOk && startOk;
    }
}
