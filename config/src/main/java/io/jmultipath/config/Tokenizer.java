package io.jmultipath.config;

import java.util.ArrayList;
import java.util.List;

/**
 * multipath-tools' line tokenizer ({@code alloc_strvec} in libmpathutil/parser.c), ported rule by rule:
 * words split on whitespace; {@code {} and {@code }} are tokens of their own outside quotes; a double
 * quote is emitted as a {@link Token#QUOTE} marker token; {@code ""} inside quotes is a literal quote;
 * {@code #} and {@code !} start a comment outside quotes. Non-ASCII bytes count as whitespace outside
 * quotes, like C's {@code !isascii()}. multipathd splits CLI commands with the same function, so the
 * daemon's command parser uses it too.
 */
public final class Tokenizer {
    /** One token; {@code quote} marks a double-quote delimiter. */
    public record Token(String text, boolean quote) {
        static final Token QUOTE = new Token("\"", true);

        @Override
        public String toString() {
            return quote ? "<QUOTE>" : text;
        }
    }

    private Tokenizer() {
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b || c > 0x7f;
    }

    /** Tokens of one line (without newline); empty for blank and comment-only lines. */
    public static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int cp = 0;
        while (cp < n && space(s.charAt(cp))) {
            cp++;
        }
        if (cp >= n || s.charAt(cp) == '!' || s.charAt(cp) == '#') {
            return out;
        }
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
                    while (cp < n && s.charAt(cp) != '"' && (inString || isWordChar(s.charAt(cp)))) {
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
                if (twoQuotes) {
                    tok = tok.replace("\"\"", "\"");
                }
                out.add(new Token(tok, false));
            }
            while (!inString && cp < n && space(s.charAt(cp))) {
                cp++;
            }
            if (cp >= n || (!inString && (s.charAt(cp) == '!' || s.charAt(cp) == '#'))) {
                return out;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return !space(c) && c != '!' && c != '#' && c != '{' && c != '}';
    }
}
