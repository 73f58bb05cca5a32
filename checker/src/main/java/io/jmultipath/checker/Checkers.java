package io.jmultipath.checker;

import io.jmultipath.checker.scsi.SgIo;
import java.util.List;

/** Looks checkers up by their multipath.conf name (path_checker). */
public final class Checkers {
    private Checkers() {
    }

    public static List<String> names() {
        return List.of("directio", "tur", "readsector0", "none");
    }

    /** @throws IllegalArgumentException for an unknown checker name */
    public static PathChecker create(String name, SgIo sgio) {
        throw new UnsupportedOperationException("checker " + name + ": not yet implemented");
    }
}
