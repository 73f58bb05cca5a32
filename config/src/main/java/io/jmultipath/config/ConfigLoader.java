package io.jmultipath.config;

import java.nio.file.Path;

/** Reads and parses multipath.conf and its conf.d drop-ins (skeleton). */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static LoadResult load(Path mainFile, Path defaultConfDir) throws ConfigException {
        throw new UnsupportedOperationException("not yet");
    }

    public static LoadResult parse(String text, String fileName) throws ConfigException {
        throw new UnsupportedOperationException("not yet");
    }
}
