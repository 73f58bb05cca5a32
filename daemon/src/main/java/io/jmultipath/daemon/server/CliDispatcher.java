package io.jmultipath.daemon.server;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a command, checks permission, runs the handler and turns the outcome into multipathd
 * 0.9.4's reply text. Never throws: a handler exception becomes {@code fail} (its message logged).
 */
public final class CliDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger("jmultipathd");

    private final CommandHandler handler;

    public CliDispatcher(CommandHandler handler) {
        this.handler = Objects.requireNonNull(handler);
    }

    /** Full wire reply text (without the NUL) for one command line. */
    public String execute(String line, Caller caller) {
        return reply(line, caller).wireText();
    }

    /** Is this a list/show command (answered from a snapshot), or one that does not parse? */
    public boolean isRead(String line) {
        try {
            return !CliParser.parse(line).command().needsRoot();
        } catch (CliParseException e) {
            return true;
        }
    }

    /** The reply for one command line (parse errors answer multipathd's help text). */
    public Reply reply(String line, Caller caller) {
        ParsedCommand cmd;
        try {
            cmd = CliParser.parse(line);
        } catch (CliParseException e) {
            LOG.debug("cli: '{}': {}", line.strip(), e.getMessage());
            return e.kind() == CliParseException.Kind.NO_ENTRY ? Reply.fail(e.getMessage())
                    : Reply.failWithText(HelpText.forError(line, e.kind()), e.getMessage());
        }
        if (cmd.command().needsRoot() && !caller.isRoot()) {
            LOG.error("cli: unauthorized cmd \"{}\" (uid {})", line.strip(), caller.uid());
            return Reply.permissionDenied();
        }
        Reply r;
        try {
            r = handler.handle(cmd);
        } catch (RuntimeException e) {
            r = Reply.fail(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
        }
        if (r == null) {
            r = Reply.fail();
        }
        if (!r.success() && !r.reason().isEmpty()) {
            LOG.info("{}: {}", line.strip(), r.reason());
        }
        return r;
    }
}
