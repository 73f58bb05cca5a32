package io.jmultipath.checker;

import java.util.Objects;
import java.util.Optional;

/**
 * Path identity facts for prioritizers (weightedpath): hbtl "H:B:T:L", serial, and wwn in
 * weightedpath's form "host_wwnn:host_wwpn:target_wwnn:target_wwpn" (FC only).
 */
public record PrioPathInfo(Optional<String> hbtl, Optional<String> serial, Optional<String> wwn) {
    public PrioPathInfo {
        Objects.requireNonNull(hbtl, "hbtl");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(wwn, "wwn");
    }

    public static PrioPathInfo empty() {
        return new PrioPathInfo(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
