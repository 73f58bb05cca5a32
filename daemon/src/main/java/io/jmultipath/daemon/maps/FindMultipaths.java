package io.jmultipath.daemon.maps;

import java.util.Set;

/**
 * find_multipaths as multipath-tools' should_multipath (map creation by {@code multipath} and
 * multipathd): off/no/0 and greedy → every non-blacklisted WWID; strict → only WWIDs in the wwids
 * file (an existing map does not count); on/yes/1 and smart → a WWID that already has a map, has
 * at least two paths, or is in the wwids file. {@code multipath -i} turns on/strict into smart and
 * off into greedy (the same remapping as multipath(8)).
 *
 * @param mode             the configured find_multipaths value
 * @param knownWwids       the wwids file
 * @param ignoreWwidsFile  {@code -i}
 * @param adoptMapped      an existing map keeps its WWID multipathed under strict too (the daemon
 *                         adopts the maps it finds at startup rather than flushing them); multipath(8)
 *                         uses {@link #tool} and leaves such maps alone instead
 */
public record FindMultipaths(String mode, Set<String> knownWwids, boolean ignoreWwidsFile, boolean adoptMapped) {

    /** The daemon's rule: as {@link #tool}, but an existing map always counts. */
    public FindMultipaths(String mode, Set<String> knownWwids, boolean ignoreWwidsFile) {
        this(mode, knownWwids, ignoreWwidsFile, true);
    }

    /** multipath(8)'s should_multipath. */
    public static FindMultipaths tool(String mode, Set<String> knownWwids, boolean ignoreWwidsFile) {
        return new FindMultipaths(mode, knownWwids, ignoreWwidsFile, false);
    }

    public FindMultipaths {
        knownWwids = Set.copyOf(knownWwids);
        mode = canonical(mode);
        if (ignoreWwidsFile) {
            mode = mode.equals("on") || mode.equals("strict") ? "smart" : mode.equals("off") ? "greedy" : mode;
        }
    }

    /** "yes"/"1" → "on", "no"/"0" → "off"; anything else as written. */
    static String canonical(String mode) {
        String m = mode == null ? "strict" : mode.strip();
        switch (m) {
            case "yes": case "1": return "on";
            case "no": case "0": return "off";
            default: return m;
        }
    }

    /** @param pathCount number of usable paths with this WWID; {@code mapped}: a kernel map exists */
    public boolean shouldMultipath(String wwid, int pathCount, boolean mapped) {
        if (mode.equals("off") || mode.equals("greedy")) {
            return true;
        }
        if (mapped && adoptMapped) {
            return true;
        }
        if (!mode.equals("strict") && (mapped || pathCount >= 2)) {
            return true;
        }
        return knownWwids.contains(wwid);
    }
}
