package io.jmultipath.config;

import java.util.Optional;

/** Outcome of parsing one keyword value, mirroring what the C handler does to its field. */
record Parsed(Kind kind, String value, Optional<String> warning) {
    enum Kind { SET, UNSET, KEEP }

    static Parsed set(String v) {
        return new Parsed(Kind.SET, v, Optional.empty());
    }

    static Parsed setWarn(String v, String w) {
        return new Parsed(Kind.SET, v, Optional.of(w));
    }

    /** The field becomes "undefined" (e.g. rr_min_io 0). */
    static Parsed unset() {
        return new Parsed(Kind.UNSET, null, Optional.empty());
    }

    /** Invalid: previous value kept, warning logged. */
    static Parsed keep(String w) {
        return new Parsed(Kind.KEEP, null, Optional.of(w));
    }
}
