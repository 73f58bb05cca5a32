package io.jmultipath.daemon.topology;

import java.util.Optional;

/** What was just done to a map (printed as the "create: " / "reload: " prefix of the topology). */
public enum MapAction {
    NOTHING(null), CREATE("create"), RELOAD("reload"), RENAME("rename"), SWITCHPG("switchpg"), REJECT("reject"),
    /** multipath -d: every planned map is printed with an empty action (": mpatha (…) …"), as 0.9.4's ACT_DRY_RUN. */
    DRY_RUN("");

    private final String text;

    MapAction(String text) {
        this.text = text;
    }

    /** "create", ...; empty for NOTHING. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }
}
