package io.jmultipath.daemon.server;

/** Why a command line did not parse: multipathd's get_cmdvec/find_handler error classes. */
public final class CliParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The error classes multipathd distinguishes in its reply. */
    public enum Kind {
        /** ESRCH: the last word is no keyword (or an ambiguous abbreviation): "cmd: not found" + help. */
        NOT_FOUND,
        /** ENOENT: a word before the last is no keyword: a bare "fail". */
        NO_ENTRY,
        /** EINVAL: missing parameter, more than four keywords, or no handler: "cmd: Missing argument" + help. */
        INVALID,
        /** ENOMEM: multipathd's answer to a blank or comment-only line (its tokenizer returns NULL). */
        NO_MEMORY
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
