package io.jmultipath.daemon.maps;

import io.jmultipath.daemon.topology.PgPolicy;

import java.util.List;
import java.util.Optional;

/**
 * Per-map selections (propsel): selector, grouping policy, features (without count), hardware
 * handler words (without count), failback, no_path_retry, minio, rr_weight, naming, skip_kpartx
 * (sent to udev as MPATH_UDEV_NO_KPARTX_FLAG with the map's device-mapper calls).
 */
public record MapSettings(String selector, PgPolicy pgPolicy, List<String> features, List<String> hwHandler,
                          String failback, Optional<String> noPathRetry, int minio, boolean rrWeightPriorities,
                          Optional<String> alias, boolean userFriendlyNames, String aliasPrefix,
                          boolean skipKpartx) {

    public MapSettings {
        features = List.copyOf(features);
        hwHandler = List.copyOf(hwHandler);
    }

    /** "1 queue_if_no_path" */
    public String featuresText() {
        return withCount(features);
    }

    /** "1 alua" / "0" */
    public String hwHandlerText() {
        return withCount(hwHandler);
    }

    static String withCount(List<String> words) {
        return words.isEmpty() ? "0" : words.size() + " " + String.join(" ", words);
    }

    public MapSettings withPgPolicy(PgPolicy p) {
        return new MapSettings(selector, p, features, hwHandler, failback, noPathRetry, minio, rrWeightPriorities,
                alias, userFriendlyNames, aliasPrefix, skipKpartx);
    }
}
