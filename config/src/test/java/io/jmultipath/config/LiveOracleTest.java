package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real oracle: for every corpus case, Config.showConfig() must equal what the installed
 * `multipath -t` prints, and the kept golden file must still equal it. Skips where the binary or
 * root/unshare is unavailable.
 */
@Tag("root")
class LiveOracleTest {
    private static Optional<String> why;

    @BeforeAll
    static void probe() {
        why = MultipathOracle.skipReason();
    }

    static Stream<String> cases() throws Exception {
        return OracleCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void javaEqualsRealMultipath(String name) throws Exception {
        assumeTrue(why.isEmpty(), () -> "multipath -t oracle skipped: " + why.orElse(""));
        String real = MultipathOracle.run(OracleCases.ROOT.resolve(name));
        assertEquals(real, OracleCases.java(name), name + ": jmultipath vs multipath -t");
        assertEquals(real, OracleCases.expected(name), name + ": golden file is stale, run regen.sh");
    }
}
