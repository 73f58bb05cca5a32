package io.jmultipath.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path selector as it appears in a dm-multipath table: name, then the count of selector
 * arguments, then the arguments ({@code "service-time 0"}, {@code "round-robin 0"}).
 */
public record SelectorSpec(String name, List<String> args) {

    public SelectorSpec {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid path selector name: '" + name + "'");
        }
        args = List.copyOf(args);
    }

    /** Result of consuming a selector from a token list: the spec and the index of the next token. */
    public record Consumed(SelectorSpec spec, int next) {}

    /** Parses {@code "<name> <#args> [args...]"}; the whole text must be consumed. */
    public static SelectorSpec parse(String tableForm) {
        Objects.requireNonNull(tableForm, "tableForm");
        List<String> tokens = List.of(tableForm.trim().split("\\s+"));
        if (tokens.size() == 1 && tokens.get(0).isEmpty()) {
            throw new IllegalArgumentException("path selector: empty text");
        }
        Consumed c = consume(tokens, 0);
        if (c.next() != tokens.size()) {
            throw new IllegalArgumentException("path selector '" + tableForm.trim()
                    + "': unexpected trailing text '" + String.join(" ", tokens.subList(c.next(), tokens.size())) + "'");
        }
        return c.spec();
    }

    /**
     * Consumes {@code <name> <#args> [args...]} from {@code tokens} starting at {@code index}
     * (as the dm-multipath table parser does for each priority group).
     */
    public static Consumed consume(List<String> tokens, int index) {
        if (index < 0 || index >= tokens.size()) {
            throw new IllegalArgumentException("path selector: missing selector name");
        }
        String name = tokens.get(index);
        if (index + 1 >= tokens.size()) {
            throw new IllegalArgumentException("path selector " + name + ": missing argument count");
        }
        int n = parseCount(name, tokens.get(index + 1));
        int from = index + 2;
        if (from + n > tokens.size()) {
            throw new IllegalArgumentException("path selector " + name + ": declares " + n
                    + " arguments but only " + (tokens.size() - from) + " follow");
        }
        return new Consumed(new SelectorSpec(name, new ArrayList<>(tokens.subList(from, from + n))), from + n);
    }

    private static int parseCount(String name, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("path selector " + name + ": invalid number of arguments '" + text + "'");
        }
    }

    /** {@code "service-time 0"}: name, argument count, arguments. */
    public String tableForm() {
        StringBuilder sb = new StringBuilder(name).append(' ').append(args.size());
        for (String a : args) {
            sb.append(' ').append(a);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return tableForm();
    }
}
