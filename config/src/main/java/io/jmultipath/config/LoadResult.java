package io.jmultipath.config;

import java.util.List;

/** A loaded configuration plus every warning produced while reading it. */
public record LoadResult(Config config, List<ConfigWarning> warnings) {
    public LoadResult {
        warnings = List.copyOf(warnings);
    }
}
