package io.jmultipath.daemon.server;

/** Why a command line did not parse: multipathd's ESRCH (a word is no keyword) or EINVAL. */
public final class CliParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The error classes multipathd distinguishes in its reply. */
    public enum Kind {
        /** a word is not a keyword (or an ambiguous abbreviation): "cmd: not found" + help. */
        NOT_FOUND,
        /** missing parameter, too many keywords, or no handler for the combination: "cmd: Missing argument" + help. */
        INVALID
    }

    private final Kind kind;

    public CliParseException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
