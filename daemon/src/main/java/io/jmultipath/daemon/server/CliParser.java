package io.jmultipath.daemon.server;

import io.jmultipath.config.Tokenizer.Token;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a command line into a {@link ParsedCommand} (cli.c get_cmdvec + find_handler). Pure. */
public final class CliParser {

    /** At most this many keywords (the fingerprint holds four 8-bit codes). */
    public static final int MAX_KEYWORDS = 4;

    private CliParser() {
    }

    public static ParsedCommand parse(String line) throws CliParseException {
        Optional<List<Token>> strvec = CliTokenizer.strvec(line);
        if (strvec.isEmpty()) {
            throw new CliParseException(CliParseException.Kind.NO_MEMORY, "empty command");
        }
        List<Token> tokens = strvec.get();
        List<CliKeyword> typed = new ArrayList<>();
        Map<CliKeyword, String> params = new EnumMap<>(CliKeyword.class);
        CliKeyword pending = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.quote()) {
                continue;
            }
            if (pending != null) {
                params.put(pending, t.text());
                pending = null;
                continue;
            }
            Optional<CliKeyword> k = CliKeyword.lookup(t.text());
            if (k.isEmpty()) {
                // multipathd counts the quote tokens too when it asks "was it the last word?"
                throw new CliParseException(i == tokens.size() - 1 ? CliParseException.Kind.NOT_FOUND
                        : CliParseException.Kind.NO_ENTRY, "unknown keyword '" + t.text() + "'");
            }
            typed.add(k.get());
            if (k.get().hasParam()) {
                pending = k.get();
            }
        }
        if (pending != null) {
            throw new CliParseException(CliParseException.Kind.INVALID, "missing parameter after '" + pending.words().get(0) + "'");
        }
        if (typed.isEmpty() || typed.size() > MAX_KEYWORDS) {
            throw new CliParseException(CliParseException.Kind.INVALID,
                    typed.isEmpty() ? "empty command" : "too many keywords");
        }
        CliCommand cmd = CliCommand.byFingerprint(CliCommand.fingerprint(typed))
                .orElseThrow(() -> new CliParseException(CliParseException.Kind.INVALID, "no such command"));
        return new ParsedCommand(cmd, params, line);
    }
}
