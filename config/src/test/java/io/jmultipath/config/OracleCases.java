package io.jmultipath.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The oracle corpus under src/test/resources/oracle: one directory per case. */
final class OracleCases {
    static final Path ROOT = Path.of("src/test/resources/oracle");

    private OracleCases() {
    }

    static Stream<String> names() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The case's files named as multipath-tools would see them (/etc/multipath.conf, conf.d). */
    static List<ConfigLoader.Source> sources(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        List<ConfigLoader.Source> out = new ArrayList<>();
        Path main = dir.resolve("multipath.conf");
        if (Files.exists(main)) {
            out.add(new ConfigLoader.Source("/etc/multipath.conf", Files.readString(main, StandardCharsets.ISO_8859_1)));
        }
        for (Path p : ConfigLoader.confFiles(dir.resolve("conf.d"), new ArrayList<>())) {
            if (!Files.isRegularFile(p)) {
                continue; // e.g. a directory named x.conf: the loader warns and skips it
            }
            out.add(new ConfigLoader.Source("/etc/multipath/conf.d/" + p.getFileName(),
                    Files.readString(p, StandardCharsets.ISO_8859_1)));
        }
        return out;
    }

    /** Where tests keep what differed: next to the test classes (the build directory's oracle-actual). */
    static Path actualDir() {
        try {
            Path classes = Path.of(OracleCases.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Path.of(System.getProperty("jm.actualDir", classes.resolveSibling("oracle-actual").toString()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String expected(String name) throws IOException {
        return Files.readString(ROOT.resolve(name).resolve("expected.txt"), StandardCharsets.ISO_8859_1);
    }

    static String java(String name) throws Exception {
        return ConfigLoader.parseAll(sources(name)).config().showConfig();
    }
}
