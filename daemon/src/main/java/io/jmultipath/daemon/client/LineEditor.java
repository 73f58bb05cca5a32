package io.jmultipath.daemon.client;

import io.jmultipath.daemon.server.CliKeyword;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A minimal line editor for the interactive shell on a raw terminal: typing, backspace, Tab
 * completion of CLI keywords, Up/Down through the session history, Ctrl-C clears the line,
 * Ctrl-D on an empty line is end of input. The cursor always stays at the end of the line.
 */
public final class LineEditor {
    /** Byte-level terminal access. */
    public interface Terminal {
        int read() throws IOException;

        void write(String s);
    }

    private final Terminal term;
    private final List<String> history;

    public LineEditor(Terminal term, List<String> history) {
        this.term = term;
        this.history = history;
    }

    /** Reads one line; empty at end of input. */
    public Optional<String> readLine(String prompt) throws IOException {
        StringBuilder buf = new StringBuilder();
        int hist = history.size();
        term.write(prompt);
        while (true) {
            int c = term.read();
            switch (c) {
                case -1 -> {
                    return buf.length() == 0 ? Optional.empty() : Optional.of(buf.toString());
                }
                case 4 -> {
                    if (buf.length() == 0) {
                        term.write("\n");
                        return Optional.empty();
                    }
                }
                case 3 -> {
                    buf.setLength(0);
                    term.write("^C\n" + prompt);
                }
                case '\r', '\n' -> {
                    term.write("\n");
                    return Optional.of(buf.toString());
                }
                case 127, 8 -> {
                    if (buf.length() > 0) {
                        buf.setLength(buf.length() - 1);
                        term.write("\b \b");
                    }
                }
                case '\t' -> complete(buf, prompt);
                case 27 -> {
                    int b = term.read();
                    int k = b == '[' || b == 'O' ? term.read() : -1;
                    if (k == 'A' && hist > 0) {
                        hist--;
                        replace(buf, prompt, history.get(hist));
                    } else if (k == 'B' && hist < history.size()) {
                        hist++;
                        replace(buf, prompt, hist == history.size() ? "" : history.get(hist));
                    }
                }
                default -> {
                    if (c >= 32) {
                        buf.append((char) c);
                        term.write(String.valueOf((char) c));
                    }
                }
            }
        }
    }

    private void replace(StringBuilder buf, String prompt, String text) {
        buf.setLength(0);
        buf.append(text);
        term.write("\r\033[K" + prompt + text);
    }

    private void complete(StringBuilder buf, String prompt) {
        int start = buf.lastIndexOf(" ") + 1;
        String prefix = buf.substring(start);
        TreeSet<String> cands = new TreeSet<>();
        for (String w : CliKeyword.allWords()) {
            if (w.startsWith(prefix)) {
                cands.add(w);
            }
        }
        if (cands.isEmpty()) {
            return;
        }
        String common = commonPrefix(new ArrayList<>(cands));
        if (cands.size() == 1) {
            common += " ";
        }
        if (common.length() > prefix.length()) {
            buf.append(common.substring(prefix.length()));
            term.write(common.substring(prefix.length()));
        } else {
            term.write("\n" + String.join("  ", cands) + "\n" + prompt + buf);
        }
    }

    static String commonPrefix(List<String> words) {
        String p = words.get(0);
        for (String w : words) {
            int i = 0;
            while (i < p.length() && i < w.length() && p.charAt(i) == w.charAt(i)) {
                i++;
            }
            p = p.substring(0, i);
        }
        return p;
    }
}
