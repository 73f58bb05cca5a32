package io.jmultipath.config;

import java.util.Map;
import java.util.Optional;

/** What the blacklist needs to know about a path. */
public record PathFacts(String devnode, Optional<String> vendor, Optional<String> product,
                        Optional<String> protocol, Optional<String> wwid,
                        Map<String, String> udevProperties, String uidAttribute) {
    public PathFacts {
        udevProperties = Map.copyOf(udevProperties);
    }
}
