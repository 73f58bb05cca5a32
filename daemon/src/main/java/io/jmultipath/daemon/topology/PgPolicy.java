package io.jmultipath.daemon.topology;

import java.util.Locale;
import java.util.Optional;

/** path_grouping_policy values. */
public enum PgPolicy {
    FAILOVER, MULTIBUS, GROUP_BY_SERIAL, GROUP_BY_PRIO, GROUP_BY_NODE_NAME, GROUP_BY_TPG;

    /** "group_by_prio" → GROUP_BY_PRIO; empty if unknown. */
    public static Optional<PgPolicy> parse(String text) {
        for (PgPolicy p : values()) {
            if (p.text().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
