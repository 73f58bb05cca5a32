package io.jmultipath.daemon.topology;

/** A path's state in the kernel map (from dm status): A → active, F → failed; undef if not read. */
public enum DmPathState {
    ACTIVE("active"), FAILED("failed"), UNDEF("undef");

    private final String text;

    DmPathState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
