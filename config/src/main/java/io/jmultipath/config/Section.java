package io.jmultipath.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** A mutable keyword→value section being parsed (device, multipath, protocol, defaults, overrides). */
final class Section {
    final String file;
    final int line;
    final Map<String, String> values = new LinkedHashMap<>();

    Section(String file, int line) {
        this.file = file;
        this.line = line;
    }

    String get(String k) {
        return values.get(k);
    }

    Section copy() {
        Section s = new Section(file, line);
        s.values.putAll(values);
        return s;
    }
}
