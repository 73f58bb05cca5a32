package io.jmultipath.daemon.topology;

/** A path group's state in the kernel map (A active, E enabled, D disabled); undef if not read. */
public enum PgState {
    ACTIVE("active"), ENABLED("enabled"), DISABLED("disabled"), UNDEF("undef");

    private final String text;

    PgState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
