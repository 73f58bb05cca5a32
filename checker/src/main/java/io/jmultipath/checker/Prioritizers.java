package io.jmultipath.checker;

import io.jmultipath.checker.scsi.SgIo;
import java.util.List;

/** Looks prioritizers up by their multipath.conf name (prio). */
public final class Prioritizers {
    private Prioritizers() {
    }

    public static List<String> names() {
        return List.of("const", "sysfs", "alua", "weightedpath", "random", "path_latency");
    }

    /** @throws IllegalArgumentException for an unknown prioritizer name */
    public static Prioritizer create(String name, SgIo sgio) {
        throw new UnsupportedOperationException("prioritizer " + name + ": not yet implemented");
    }
}
