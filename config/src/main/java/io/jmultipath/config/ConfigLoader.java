package io.jmultipath.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and parses multipath.conf and its conf.d drop-ins into an immutable {@link Config}. */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** A named config text (file name as it appears in warnings, and its content). */
    public record Source(String name, String text) {
    }

    /**
     * Reads mainFile (missing = built-in defaults only), then {@code defaultConfDir}/*.conf in
     * alphabetical (byte) order. A structural error in any file fails the whole load.
     */
    public static LoadResult load(Path mainFile, Path defaultConfDir) throws ConfigException {
        List<Source> sources = new ArrayList<>();
        List<ConfigWarning> readWarnings = new ArrayList<>();
        read(mainFile, readWarnings).ifPresent(t -> sources.add(new Source(mainFile.toString(), t)));
        for (Path p : confFiles(defaultConfDir, readWarnings)) {
            read(p, readWarnings).ifPresent(t -> sources.add(new Source(p.toString(), t)));
        }
        LoadResult r = parseAll(sources);
        List<ConfigWarning> all = new ArrayList<>(readWarnings);
        all.addAll(r.warnings());
        return new LoadResult(r.config(), all);
    }

    /** Parses a single text as if it were the main file. */
    public static LoadResult parse(String text, String fileName) throws ConfigException {
        return parseAll(List.of(new Source(fileName, text)));
    }

    /** Parses the main file text followed by conf.d texts, in the given order. */
    public static LoadResult parseAll(List<Source> sources) throws ConfigException {
        ConfigAssembler a = new ConfigAssembler(BuiltinHwtable.text());
        for (Source s : sources) {
            a.addFile(s.name(), s.text());
        }
        return new LoadResult(a.build(), a.warnings());
    }

    private static java.util.Optional<String> read(Path p, List<ConfigWarning> warnings) {
        try {
            return java.util.Optional.of(Files.readString(p, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            warnings.add(new ConfigWarning(p.toString(), 0, "couldn't open configuration file: " + e.getMessage()));
            return java.util.Optional.empty();
        }
    }

    static List<Path> confFiles(Path dir, List<ConfigWarning> warnings) {
        List<Path> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                int dot = n.lastIndexOf('.');
                if (dot >= 0 && n.substring(dot).equals(".conf")) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            warnings.add(new ConfigWarning(dir.toString(), 0, "couldn't open configuration dir: " + e.getMessage()));
        }
        out.sort((x, y) -> ConfigAssembler.compareBytes(x.getFileName().toString(), y.getFileName().toString()));
        return out;
    }
}
