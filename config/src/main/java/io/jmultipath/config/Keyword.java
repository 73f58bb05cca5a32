package io.jmultipath.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the keyword table: name, value type (parser + printer), compiled default (printed in
 * {@code defaults} when unset, and the BUILTIN resolution layer), and per-scope print position.
 * {@code aliasOf}: stores into another keyword ("checker" = "path_checker"); {@code deprecated}:
 * accepted with a warning.
 */
record Keyword(String name, ValueType type, Optional<String> builtin, Map<Scope, Integer> positions,
               Optional<String> aliasOf, Deprecation deprecation) {

    /**
     * IGNORED: value dropped, C warns "ignoring deprecated option"; WARN: value kept, C warns
     * "is deprecated and will be disabled"; NOTED: value kept, deprecated in multipath.conf(5) but
     * silent in C 0.9.4, jmultipath warns anyway ({@link Keywords#deprecationNote}).
     */
    enum Deprecation { NONE, IGNORED, WARN, NOTED }

    boolean in(Scope s) {
        return positions.containsKey(s);
    }

    /** The field this keyword stores into. */
    String field() {
        return aliasOf.orElse(name);
    }

    boolean printed() {
        return aliasOf.isEmpty() && deprecation != Deprecation.IGNORED;
    }

    /** "D5 H7 O M3 P1": scope letter + position; O without a number uses the device position. */
    static Map<Scope, Integer> scopes(String spec) {
        Map<Scope, Integer> m = new EnumMap<>(Scope.class);
        for (String part : spec.trim().split("\\s+")) {
            Scope s = switch (part.charAt(0)) {
                case 'D' -> Scope.DEFAULTS;
                case 'H' -> Scope.DEVICE;
                case 'O' -> Scope.OVERRIDES;
                case 'M' -> Scope.MULTIPATH;
                case 'P' -> Scope.PROTOCOL;
                default -> throw new IllegalArgumentException(spec);
            };
            m.put(s, part.length() > 1 ? Integer.parseInt(part.substring(1)) : m.getOrDefault(Scope.DEVICE, 0));
        }
        return m;
    }
}
