package io.jmultipath.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every attribute's effective value for one path, with origin. Immutable. */
public final class Resolution {
    /** Per attribute slot ({@link Resolver#INDEX}): the first layer that sets it, or null. */
    private final Setting[] explicit;
    /** Per attribute slot: explicit, else the compiled default. */
    private final Setting[] effective;

    Resolution(Setting[] explicit, Setting[] effective) {
        this.explicit = explicit;
        this.effective = effective;
    }

    /** "checker" is stored as "path_checker". */
    private static int slot(String keyword) {
        Integer i = Resolver.INDEX.get(keyword);
        if (i == null) {
            i = Resolver.INDEX.get(Keywords.table().find(keyword).map(Keyword::field).orElse(keyword));
        }
        return i == null ? -1 : i;
    }

    /** The first configuration layer that sets the keyword, if any (not the compiled default). */
    public Optional<Setting> explicit(String keyword) {
        int i = slot(keyword);
        return i < 0 ? Optional.empty() : Optional.ofNullable(explicit[i]);
    }

    /** Effective value including compiled default; never empty for a known keyword. */
    public Setting effective(String keyword) {
        int i = slot(keyword);
        if (i < 0) {
            throw new IllegalArgumentException("not a path/map attribute: " + keyword);
        }
        return effective[i];
    }

    public String value(String keyword) {
        return effective(keyword).value();
    }

    /** A copy with one setting replaced (explicit). */
    Resolution with(Setting s) {
        int i = slot(s.keyword());
        if (i < 0) {
            throw new IllegalArgumentException("not a path/map attribute: " + s.keyword());
        }
        Setting[] ex = explicit.clone();
        Setting[] ef = effective.clone();
        ex[i] = s;
        ef[i] = s;
        return new Resolution(ex, ef);
    }

    /** All effective settings keyed by keyword. */
    public Map<String, Setting> all() {
        Map<String, Setting> m = new LinkedHashMap<>();
        for (Setting s : effective) {
            m.put(s.keyword(), s);
        }
        return Collections.unmodifiableMap(m);
    }
}
