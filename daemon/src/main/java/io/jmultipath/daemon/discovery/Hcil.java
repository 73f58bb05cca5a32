package io.jmultipath.daemon.discovery;

import java.util.Optional;

/** SCSI host:channel:id:lun (NVMe: controller instance:controller id:namespace instance:nsid). */
public record Hcil(int host, int channel, int target, long lun) {

    /** Parses "2:0:0:1"; empty if the text is not four colon-separated numbers. */
    public static Optional<Hcil> parse(String s) {
        String[] p = s.split(":");
        if (p.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Hcil(Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                    Integer.parseInt(p[2]), Long.parseLong(p[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** LUN as printed by {@code %L}: int_to_scsilun byte order, "0x%016x". */
    public String lunHex() {
        long l = lun;
        long v = ((l & 0xffffL) << 48) | ((l & 0xffff0000L) << 16)
                | ((l & 0xffff00000000L) >>> 16) | ((l & 0xffff000000000000L) >>> 48);
        return String.format("0x%016x", v);
    }

    @Override
    public String toString() {
        return host + ":" + channel + ":" + target + ":" + lun;
    }
}
