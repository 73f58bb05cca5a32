package io.jmultipath.selector.sim;

/** A bad command-line argument; the message is one line without the "simulate: " prefix. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
