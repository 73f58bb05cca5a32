package io.jmultipath.daemon.maps;

import java.util.Set;

/**
 * find_multipaths policy for the one-shot tool: off/greedy → every non-blacklisted WWID;
 * strict → only WWIDs in the wwids file (or already mapped); on/smart → those, or a WWID with at
 * least two paths.
 */
public record FindMultipaths(String mode, Set<String> knownWwids, boolean ignoreWwidsFile) {

    public FindMultipaths {
        knownWwids = Set.copyOf(knownWwids);
    }

    /** @param pathCount number of usable paths with this WWID; {@code mapped}: a kernel map exists */
    public boolean shouldMultipath(String wwid, int pathCount, boolean mapped) {
        String m = mode.strip();
        if (m.equals("off") || m.equals("no") || m.equals("0") || m.equals("greedy")) {
            return true;
        }
        if (mapped) {
            return true;
        }
        boolean known = !ignoreWwidsFile && knownWwids.contains(wwid);
        if (m.equals("strict")) {
            return known;
        }
        return known || pathCount >= 2;
    }
}
