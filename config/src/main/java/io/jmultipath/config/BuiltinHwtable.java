package io.jmultipath.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the built-in hardware table resource (multipath.conf syntax, multipath-tools 0.9.4). */
final class BuiltinHwtable {
    static final String RESOURCE = "/io/jmultipath/config/builtin-hwtable.conf";

    private BuiltinHwtable() {
    }

    static String text() {
        try (InputStream in = BuiltinHwtable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
