package io.jmultipath.config;

/** A non-fatal configuration problem, reported as multipath-tools logs it: {@code file:line: message}. */
public record ConfigWarning(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
