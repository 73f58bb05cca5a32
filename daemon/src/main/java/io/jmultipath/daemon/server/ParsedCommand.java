package io.jmultipath.daemon.server;

import java.util.Map;
import java.util.Optional;

/** A recognised CLI command with its parameters (the words after path/map/group/format/key/pathlist). */
public record ParsedCommand(CliCommand command, Map<CliKeyword, String> params, String text) {

    public ParsedCommand {
        params = Map.copyOf(params);
    }

    public Optional<String> param(CliKeyword k) {
        return Optional.ofNullable(params.get(k));
    }

    /** The parameter of a keyword the command is known to carry. */
    public String require(CliKeyword k) {
        String v = params.get(k);
        if (v == null) {
            throw new IllegalStateException(command + " has no " + k + " parameter");
        }
        return v;
    }
}
