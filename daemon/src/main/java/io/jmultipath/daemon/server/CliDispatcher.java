package io.jmultipath.daemon.server;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a command, checks permission, runs the handler and turns the outcome into multipathd's
 * reply text. Never throws: a handler exception becomes {@code fail} with a one-line reason.
 */
public final class CliDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CliDispatcher.class);

    private final CommandHandler handler;

    public CliDispatcher(CommandHandler handler) {
        this.handler = Objects.requireNonNull(handler);
    }

    /** Full wire reply text (without the NUL) for one command line. */
    public String execute(String line, Caller caller) {
        ParsedCommand cmd;
        try {
            cmd = CliParser.parse(line);
        } catch (CliParseException e) {
            LOG.debug("cli: '{}': {}", line, e.getMessage());
            return "fail\n" + HelpText.forError(line, e.kind());
        }
        if (cmd.command().needsRoot() && !caller.isRoot()) {
            return Reply.permissionDenied().wireText();
        }
        try {
            Reply r = handler.handle(cmd);
            return (r == null ? Reply.fail() : r).wireText();
        } catch (RuntimeException e) {
            LOG.warn("cli: '{}' failed: {}", line, e.toString());
            return Reply.fail(String.valueOf(e.getMessage()).lines().findFirst().orElse("error")).wireText();
        }
    }
}
