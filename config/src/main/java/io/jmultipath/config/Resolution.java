package io.jmultipath.config;

import java.util.Map;
import java.util.Optional;

/** Every attribute's effective value for one path, with origin. */
public final class Resolution {
    private final Map<String, Setting> explicit;
    private final Map<String, Setting> effective;

    Resolution(Map<String, Setting> explicit, Map<String, Setting> effective) {
        this.explicit = java.util.Collections.unmodifiableMap(explicit);
        this.effective = java.util.Collections.unmodifiableMap(effective);
    }

    /** The first configuration layer that sets the keyword, if any (not the compiled default). */
    public Optional<Setting> explicit(String keyword) {
        return Optional.ofNullable(explicit.get(canonical(keyword)));
    }

    /** "checker" is stored as "path_checker". */
    private static String canonical(String keyword) {
        return Keywords.table().find(keyword).map(Keyword::field).orElse(keyword);
    }

    /** Effective value including compiled default; never empty for a known keyword. */
    public Setting effective(String keyword) {
        Setting s = effective.get(canonical(keyword));
        if (s == null) {
            throw new IllegalArgumentException("not a path/map attribute: " + keyword);
        }
        return s;
    }

    public String value(String keyword) {
        return effective(keyword).value();
    }

    /** A copy with one setting replaced (explicit). */
    Resolution with(Setting s) {
        Map<String, Setting> ex = new java.util.HashMap<>(explicit);
        Map<String, Setting> ef = new java.util.HashMap<>(effective);
        ex.put(s.keyword(), s);
        ef.put(s.keyword(), s);
        return new Resolution(ex, ef);
    }

    /** All effective settings keyed by keyword. */
    public Map<String, Setting> all() {
        return effective;
    }
}
