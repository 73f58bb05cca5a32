package io.jmultipath.daemon.server;

/**
 * Executes one parsed CLI command. The runtime supplies the implementation; it may block (the
 * server runs it off the I/O threads and answers {@code timeout} if it takes too long).
 */
@FunctionalInterface
public interface CommandHandler {
    Reply handle(ParsedCommand command);
}
