package io.jmultipath.daemon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden files under src/test/resources/golden. {@code -Djm.updateGolden=true} rewrites them from
 * the actual output (review the diff before committing).
 */
public final class Golden {

    private Golden() {
    }

    public static void assertGolden(String name, String actual) {
        String res = "/golden/" + name;
        if (Boolean.getBoolean("jm.updateGolden")) {
            try {
                Path p = Path.of("src/test/resources/golden").resolve(name);
                Files.createDirectories(p.getParent());
                Files.writeString(p, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new AssertionError("missing golden file " + res + "; actual output:\n" + actual);
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "golden " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
