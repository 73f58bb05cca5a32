package io.jmultipath.config;

import java.util.List;
import java.util.Optional;

/** An immutable, fully merged configuration (skeleton). */
public final class Config {
    public static Config builtin() {
        throw new UnsupportedOperationException("not yet");
    }

    public Resolution resolve(PathIdentity id) {
        throw new UnsupportedOperationException("not yet");
    }

    public Blacklist blacklist() {
        throw new UnsupportedOperationException("not yet");
    }

    public String showConfig() {
        throw new UnsupportedOperationException("not yet");
    }

    public Setting defaults(String keyword) {
        throw new UnsupportedOperationException("not yet");
    }

    public Optional<MultipathEntry> multipath(String wwid) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<MultipathEntry> multipaths() {
        throw new UnsupportedOperationException("not yet");
    }
}
