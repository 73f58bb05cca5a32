package io.jmultipath.daemon.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CLI command like the multipath.conf tokenizer does: words separated by white space,
 * {@code "..."} makes one word (a doubled {@code ""} inside quotes is a literal quote), and an
 * unquoted {@code #} or {@code !} at the start of a word begins a comment. An unterminated quote
 * runs to the end of the line.
 */
public final class CliTokenizer {

    private CliTokenizer() {
    }

    public static List<String> tokenize(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || c == '!') {
                break;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n) {
                    char q = line.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(q);
                    i++;
                }
                out.add(sb.toString());
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '"') {
                    i++;
                }
                out.add(line.substring(start, i));
            }
        }
        return out;
    }
}
