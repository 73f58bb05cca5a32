package io.jmultipath.config;

import java.util.Objects;
import java.util.Optional;

/** What resolution needs to know about a path: SCSI inquiry strings, transport protocol, WWID. */
public record PathIdentity(String vendor, String product, String revision,
                           Optional<String> protocol, Optional<String> wwid) {
    public PathIdentity {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(wwid, "wwid");
    }

    public static PathIdentity of(String vendor, String product, String revision) {
        return new PathIdentity(vendor, product, revision, Optional.empty(), Optional.empty());
    }
}
