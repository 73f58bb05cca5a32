package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Differential test: seeded random configs, jmultipath vs the real `multipath -t`. */
@Tag("root")
class RandomOracleTest {
    private static Optional<String> why;

    @BeforeAll
    static void probe() {
        why = MultipathOracle.skipReason();
    }

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.rangeClosed(1, Long.getLong("jm.randomSeeds", 30));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomConfig(long seed, @TempDir Path dir) throws Exception {
        assumeTrue(why.isEmpty(), () -> "multipath -t oracle skipped: " + why.orElse(""));
        String text = RandomConfigs.noisy(RandomConfigs.generate(seed), seed);
        Files.writeString(dir.resolve("multipath.conf"), text);
        java.util.List<ConfigLoader.Source> sources = new java.util.ArrayList<>();
        sources.add(new ConfigLoader.Source("/etc/multipath.conf", text));
        if (seed % 3 == 0) {
            Path confd = Files.createDirectories(dir.resolve("conf.d"));
            for (String name : new String[] {"b.conf", "a.conf"}) {
                String more = RandomConfigs.noisy(RandomConfigs.generate(seed * 1000 + name.charAt(0)), seed + 1);
                Files.writeString(confd.resolve(name), more);
            }
            for (String name : new String[] {"a.conf", "b.conf"}) {
                sources.add(new ConfigLoader.Source("/etc/multipath/conf.d/" + name, Files.readString(confd.resolve(name))));
            }
        }
        String real = MultipathOracle.run(dir);
        String ours = ConfigLoader.parseAll(sources).config().showConfig();
        if (!real.equals(ours)) {
            Path out = OracleCases.actualDir().resolve("random-" + seed);
            Files.createDirectories(out);
            for (ConfigLoader.Source s : sources) {
                Path f = out.resolve(s.name().substring(1));
                Files.createDirectories(f.getParent());
                Files.writeString(f, s.text());
            }
            Files.writeString(out.resolve("real.txt"), real);
            Files.writeString(out.resolve("ours.txt"), ours);
        }
        assertEquals(real, ours, "seed " + seed + "\n" + text);
    }
}
