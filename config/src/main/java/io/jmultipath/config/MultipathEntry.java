package io.jmultipath.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One merged {@code multipaths { multipath { ... } }} entry; values keyed by keyword, unquoted. */
public record MultipathEntry(String wwid, Map<String, String> values) {
    public MultipathEntry {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<String> alias() {
        return Optional.ofNullable(values.get("alias"));
    }

    public Optional<String> value(String keyword) {
        return Optional.ofNullable(values.get(keyword));
    }
}
