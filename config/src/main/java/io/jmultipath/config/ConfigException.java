package io.jmultipath.config;

/** A structural config error (unbalanced braces, unterminated quote...); message is {@code file:line: what}. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    public ConfigException(String file, int line, String what) {
        super(file + ":" + line + ": " + what);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
