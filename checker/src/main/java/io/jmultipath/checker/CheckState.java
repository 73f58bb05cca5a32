package io.jmultipath.checker;

/**
 * Path checker states, in multipath-tools' order ({@code enum path_check_state}).
 * {@link #chkSt()} is the {@code show paths} chk_st column ({@code snprint_chk_state});
 * {@link #stateName()} is {@code checker_state_name()} as printed by {@code show status}.
 */
public enum CheckState {
    WILD("wild"),
    UNCHECKED("unchecked"),
    DOWN("down"),
    UP("up"),
    SHAKY("shaky"),
    GHOST("ghost"),
    PENDING("pending"),
    TIMEOUT("timeout"),
    REMOVED("removed"),
    DELAYED("delayed"),
    DISCONNECTED("disconnected");

    private final String stateName;

    CheckState(String stateName) {
        this.stateName = stateName;
    }

    /** The chk_st column of {@code show paths}: ready, faulty, shaky, ghost, i/o pending, i/o timeout, delayed, undef. */
    public String chkSt() {
        switch (this) {
            case UP: return "ready";
            case DOWN: return "faulty";
            case SHAKY: return "shaky";
            case GHOST: return "ghost";
            case PENDING: return "i/o pending";
            case TIMEOUT: return "i/o timeout";
            case DELAYED: return "delayed";
            default: return "undef";
        }
    }

    /** The name {@code show status} prints ("up", "down", "ghost", "pending", ...). */
    public String stateName() {
        return stateName;
    }

    /** UP and GHOST are the states multipathd treats as usable and backs off on. */
    public boolean isHealthy() {
        return this == UP || this == GHOST;
    }

    /** PATH_DISCONNECTED is ephemeral in multipath-tools: it is acted on as DOWN. */
    public CheckState effective() {
        return this == DISCONNECTED ? DOWN : this;
    }
}
