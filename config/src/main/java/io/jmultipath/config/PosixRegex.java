package io.jmultipath.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a POSIX extended regular expression (as multipath-tools hands it to regcomp with
 * REG_EXTENDED) into an equivalent {@link java.util.regex.Pattern}. Only the differences matter for
 * unanchored "does it match" use: bracket expressions (POSIX classes {@code [[:digit:]]}, a leading
 * {@code ]} as literal, backslash and {@code [} literal inside brackets, Java's {@code &&}), and a
 * {@code {} that does not start a valid interval (literal in glibc).
 */
public final class PosixRegex {
    private PosixRegex() {
    }

    /** Compiles an ERE; IllegalArgumentException with the POSIX text on a syntax error. */
    public static Pattern compile(String ere) {
        try {
            return Pattern.compile(translate(ere));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + ere + "': " + e.getDescription(), e);
        }
    }

    /** Java regex source equivalent to the ERE {@code ere} (glibc semantics incl. GNU escapes). */
    public static String translate(String ere) {
        StringBuilder out = new StringBuilder(ere.length() + 8);
        int i = 0;
        int n = ere.length();
        while (i < n) {
            char c = ere.charAt(i);
            if (c == '[') {
                i = bracket(ere, i, out);
            } else if (c == '\\' && i + 1 < n) {
                out.append(escape(ere.charAt(i + 1)));
                i += 2;
            } else if (c == '{') {
                i = interval(ere, i, out);
            } else if (c == '}') {
                out.append("\\}");
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** glibc: \w \W \s \S \b \B \< \> \` \' and back-references; any other escaped char is literal. */
    private static String escape(char c) {
        if ("wWsSbB123456789".indexOf(c) >= 0) {
            return "\\" + c;
        }
        return switch (c) {
            case '<' -> "\\b(?=\\w)";
            case '>' -> "\\b(?<=\\w)";
            case '`' -> "\\A";
            case '\'' -> "\\z";
            default -> Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
        };
    }

    /** An interval {m}, {m,}, {m,n}, {,n}, {,}; anything else is invalid in glibc's ERE. */
    private static int interval(String s, int i, StringBuilder out) {
        int close = s.indexOf('}', i);
        String body = close < 0 ? "" : s.substring(i + 1, close);
        if (close < 0 || i == 0 || !body.matches("[0-9]*(,[0-9]*)?") || body.isEmpty()) {
            throw new IllegalArgumentException("invalid interval in '" + s + "'");
        }
        out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
        return close + 1;
    }

    /** Translates the bracket expression starting at {@code start}; returns the index after it. */
    private static int bracket(String s, int start, StringBuilder out) {
        int n = s.length();
        int i = start + 1;
        StringBuilder b = new StringBuilder("[");
        if (i < n && s.charAt(i) == '^') {
            b.append('^');
            i++;
        }
        boolean first = true;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ']' && !first) {
                out.append(b).append(']');
                return i + 1;
            }
            first = false;
            if (c == '[' && i + 1 < n && s.charAt(i + 1) == ':') {
                int end = s.indexOf(":]", i + 2);
                if (end > 0) {
                    b.append(posixClass(s.substring(i + 2, end)));
                    i = end + 2;
                    continue;
                }
            }
            if (c == '[' && i + 1 < n && (s.charAt(i + 1) == '.' || s.charAt(i + 1) == '=')) {
                char kind = s.charAt(i + 1);
                int end = s.indexOf(kind + "]", i + 2);
                if (end > 0) {
                    b.append(escapeInClass(s.substring(i + 2, end)));
                    i = end + 2;
                    continue;
                }
            }
            if (c == '-' ) {
                boolean edge = b.length() == 1 || (b.length() == 2 && b.charAt(1) == '^')
                        || (i + 1 < n && s.charAt(i + 1) == ']');
                b.append(edge ? "\\-" : "-");
            } else {
                b.append(escapeInClass(String.valueOf(c)));
            }
            i++;
        }
        // unterminated bracket: let Pattern report it
        out.append(s, start, n);
        return n;
    }

    private static String escapeInClass(String lit) {
        StringBuilder b = new StringBuilder();
        for (char c : lit.toCharArray()) {
            if (c == '\\' || c == '[' || c == ']' || c == '&' || c == '^') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s\\x0B";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            case "xdigit" -> "0-9A-Fa-f";
            default -> throw new IllegalArgumentException("invalid character class [:" + name + ":]");
        };
    }
}
