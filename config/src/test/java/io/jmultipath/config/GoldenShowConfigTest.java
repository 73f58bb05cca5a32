package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** showConfig() against the golden `multipath -t` output kept for every oracle case. */
class GoldenShowConfigTest {
    static Stream<String> cases() throws Exception {
        return OracleCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesGolden(String name) throws Exception {
        String actual = OracleCases.java(name);
        String expected = OracleCases.expected(name);
        if (!expected.equals(actual)) {
            java.nio.file.Path out = OracleCases.actualDir();
            java.nio.file.Files.createDirectories(out);
            java.nio.file.Files.writeString(out.resolve(name + ".txt"), actual);
        }
        assertEquals(expected, actual, name);
    }
}
