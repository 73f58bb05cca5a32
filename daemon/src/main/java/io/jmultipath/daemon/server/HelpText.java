package io.jmultipath.daemon.server;

/** multipathd's help dump (cli.c genhelp_handler), as the 0.9.4 daemon prints it. */
public final class HelpText {

    /** The version line multipath-tools prints, the release we are compatible with. */
    public static final String VERSION_STRING = "multipath-tools v0.9.4 (12/19, 2022)\n";

    private HelpText() {
    }

    /** Error line ("cmd: not found"), version line, reference header, one line per command. */
    public static String forError(String cmd, CliParseException.Kind kind) {
        String head = switch (kind) {
            case NOT_FOUND -> cmd + ": not found\n";
            case INVALID -> cmd + ": Missing argument\n";
        };
        return head + reference();
    }

    public static String reference() {
        StringBuilder sb = new StringBuilder(VERSION_STRING).append("CLI commands reference:\n");
        for (CliCommand c : CliCommand.values()) {
            sb.append(c.helpLine()).append('\n');
        }
        return sb.toString();
    }
}
