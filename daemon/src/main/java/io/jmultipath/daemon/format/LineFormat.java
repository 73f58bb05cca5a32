package io.jmultipath.daemon.format;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * multipath-tools' wildcard line printer: literal text is copied, {@code %x} is replaced by the
 * field (padded to its column width when widths are given), an unknown wildcard is dropped, and
 * the line ends with "\n".
 */
final class LineFormat<T> {

    static final int MAX_FIELD_WIDTH = 255;

    private final Function<Character, Optional<Wildcard<T>>> lookup;

    LineFormat(Function<Character, Optional<Wildcard<T>>> lookup) {
        this.lookup = lookup;
    }

    /** Column widths for a format over items: max(header length if withHeader, longest value), capped. */
    Map<Character, Integer> widths(String format, List<T> items, boolean withHeader) {
        Map<Character, Integer> w = new HashMap<>();
        for (int i = format.indexOf('%'); i >= 0 && i + 1 < format.length(); i = format.indexOf('%', i + 2)) {
            char c = format.charAt(i + 1);
            Optional<Wildcard<T>> wc = lookup.apply(c);
            if (wc.isEmpty() || w.containsKey(c)) {
                continue;
            }
            int max = withHeader ? wc.get().header().length() : 0;
            for (T t : items) {
                max = Math.max(max, Math.min(wc.get().render().apply(t).length(), MAX_FIELD_WIDTH));
            }
            w.put(c, max);
        }
        return w;
    }

    void line(StringBuilder out, String format, T item, Map<Character, Integer> widths) {
        render(out, format, widths, wc -> wc.render().apply(item));
    }

    void header(StringBuilder out, String format, Map<Character, Integer> widths) {
        render(out, format, widths, Wildcard::header);
    }

    private void render(StringBuilder out, String format, Map<Character, Integer> widths,
                        Function<Wildcard<T>, String> text) {
        int pos = 0;
        int i;
        while ((i = format.indexOf('%', pos)) >= 0) {
            out.append(format, pos, i);
            if (i + 1 >= format.length()) {
                pos = format.length();
                break;
            }
            char c = format.charAt(i + 1);
            pos = i + 2;
            Optional<Wildcard<T>> wc = lookup.apply(c);
            if (wc.isEmpty()) {
                continue;
            }
            String s = text.apply(wc.get());
            out.append(s);
            int width = widths == null ? 0 : widths.getOrDefault(c, 0);
            for (int k = s.length(); k < width; k++) {
                out.append(' ');
            }
        }
        out.append(format, pos, format.length()).append('\n');
    }
}
