package io.jmultipath.daemon.server;

import java.util.ArrayList;
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

    /** One token; {@code quote} marks a double-quote delimiter. */
    public record Token(String text, boolean quote) {
        static final Token QUOTE = new Token("\"", true);
    }

    private CliTokenizer() {
    }

    /** The words of a command, without the quote tokens. */
    public static List<String> tokenize(String line) {
        return strvec(line).map(v -> v.stream().filter(t -> !t.quote()).map(Token::text).toList()).orElse(List.of());
    }

    /**
     * alloc_strvec: the token vector, or empty when the line is blank or starts with a comment
     * (multipathd then answers "Not enough memory", as its NULL vector means).
     */
    public static Optional<List<Token>> strvec(String s) {
        int n = s.length();
        int cp = 0;
        while (cp < n && space(s.charAt(cp))) {
            cp++;
        }
        if (cp >= n || s.charAt(cp) == '!' || s.charAt(cp) == '#') {
            return Optional.empty();
        }
        List<Token> out = new ArrayList<>();
        boolean inString = false;
        while (true) {
            int start = cp;
            char c = cp < n ? s.charAt(cp) : '\0';
            if (c == '"' && !(inString && cp + 1 < n && s.charAt(cp + 1) == '"')) {
                cp++;
                out.add(Token.QUOTE);
                inString = !inString;
            } else if (!inString && (c == '{' || c == '}')) {
                out.add(new Token(String.valueOf(c), false));
                cp++;
            } else {
                boolean twoQuotes = false;
                while (true) {
                    while (cp < n && s.charAt(cp) != '"' && (inString || word(s.charAt(cp)))) {
                        cp++;
                    }
                    if (inString && cp + 1 < n && s.charAt(cp) == '"' && s.charAt(cp + 1) == '"') {
                        twoQuotes = true;
                        cp += 2;
                        continue;
                    }
                    break;
                }
                String tok = s.substring(start, cp);
                out.add(new Token(twoQuotes ? tok.replace("\"\"", "\"") : tok, false));
            }
            while (!inString && cp < n && space(s.charAt(cp))) {
                cp++;
            }
            if (cp >= n || (!inString && (s.charAt(cp) == '!' || s.charAt(cp) == '#'))) {
                return Optional.of(out);
            }
        }
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b || c > 0x7f;
    }

    private static boolean word(char c) {
        return !space(c) && c != '!' && c != '#' && c != '{' && c != '}';
    }
}
