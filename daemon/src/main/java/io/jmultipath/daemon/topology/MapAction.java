package io.jmultipath.daemon.topology;

import java.util.Optional;

/** What was just done to a map (printed as the "create: " / "reload: " prefix of the topology). */
public enum MapAction {
    NOTHING(null), CREATE("create"), RELOAD("reload"), RENAME("rename"), SWITCHPG("switchpg"), REJECT("reject"),
    /** multipath -d: every planned map is printed with an empty action (": mpatha (…) …"), as 0.9.4's ACT_DRY_RUN. */
    DRY_RUN(""),
    /**
     * Combined actions of select_action (rename + reload/resize/switch, size change): multipath-tools
     * has no name for them in %A, so they print as ": mpatha (…) …".
     */
    RELOAD_RENAME(""), RESIZE(""), RESIZE_RENAME(""), SWITCHPG_RENAME("");

    private final String text;

    MapAction(String text) {
        this.text = text;
    }

    /** Whether the action loaded a new table (map_loads). */
    public boolean loadsTable() {
        return this == CREATE || this == RELOAD || this == RELOAD_RENAME || this == RESIZE || this == RESIZE_RENAME;
    }

    /** Whether the action renamed the map. */
    public boolean renames() {
        return this == RENAME || this == RELOAD_RENAME || this == RESIZE_RENAME || this == SWITCHPG_RENAME;
    }

    /** "create", ...; empty for NOTHING. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }
}
