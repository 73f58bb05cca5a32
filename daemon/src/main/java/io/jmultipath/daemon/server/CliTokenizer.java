package io.jmultipath.daemon.server;

import io.jmultipath.config.Tokenizer;
import io.jmultipath.config.Tokenizer.Token;
import java.util.List;
import java.util.Optional;

/**
 * Splits a CLI command the way multipathd does: with the multipath.conf tokenizer
 * ({@code alloc_strvec}). Words split on white space (and non-ASCII); a double quote is a token of
 * its own and makes the text up to the next quote one word ({@code ""} inside is a literal quote);
 * {@code {} and {@code }} are tokens of their own outside quotes; {@code #} or {@code !} outside
 * quotes ends the line. The quote tokens are kept: multipathd counts them when it decides whether
 * an unknown word was the last one.
 */
public final class CliTokenizer {

    private CliTokenizer() {
    }

    /** The words of a command, without the quote tokens. */
    public static List<String> tokenize(String line) {
        return Tokenizer.tokenize(line).stream().filter(t -> !t.quote()).map(Token::text).toList();
    }

    /**
     * alloc_strvec: the token vector, or empty when the line is blank or starts with a comment
     * (multipathd then answers "Not enough memory", as its NULL vector means).
     */
    public static Optional<List<Token>> strvec(String s) {
        List<Token> tokens = Tokenizer.tokenize(s);
        return tokens.isEmpty() ? Optional.empty() : Optional.of(tokens);
    }
}
