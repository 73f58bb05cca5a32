package io.jmultipath.daemon.server;

/** multipathd's help dump (cli.c do_genhelp), byte for byte as the 0.9.4 daemon prints it. */
public final class HelpText {

    /** The version line multipath-tools prints, the release we are compatible with. */
    public static final String VERSION_STRING = "multipath-tools v0.9.4 (12/19, 2022)\n";

    private HelpText() {
    }

    /**
     * Error line ("cmd: not found" for ESRCH, "cmd: Missing argument" for EINVAL, "cmd: Not enough
     * memory" for ENOMEM; cmd is the line as received), version line, reference header, one line per
     * command multipathd 0.9.4 registers.
     */
    public static String forError(String cmd, CliParseException.Kind kind) {
        String head = switch (kind) {
            case NOT_FOUND -> cmd + ": not found\n";
            case INVALID -> cmd + ": Missing argument\n";
            case NO_MEMORY -> cmd + ": Not enough memory\n";
            case NO_ENTRY -> "";
        };
        return head + reference();
    }

    public static String reference() {
        StringBuilder sb = new StringBuilder(VERSION_STRING).append("CLI commands reference:\n");
        for (CliCommand c : CliCommand.values()) {
            if (c.inMultipathd094()) {
                sb.append(c.helpLine()).append('\n');
            }
        }
        return sb.toString();
    }
}
