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
            throw new IllegalArgumentException("unknown path selector type");
        }
        Consumed c = consume(tokens, 0);
        if (c.next() != tokens.size()) {
            throw new IllegalArgumentException("path selector '" + tableForm.trim()
                    + "': unexpected text after the declared arguments: '"
                    + String.join(" ", tokens.subList(c.next(), tokens.size())) + "'");
        }
        return c.spec();
    }

    /**
     * Consumes {@code <name> <#args> [args...]} from {@code tokens} starting at {@code index}
     * as dm-mpath's parse_path_selector does (dm_read_arg_group with the range 0..1024); a bad
     * or too large count, or fewer args than declared, fails with the kernel's text
     * "invalid number of path selector args". The name is not checked here (see
     * {@link PathSelectors#create}).
     */
    public static Consumed consume(List<String> tokens, int index) {
        if (index < 0 || index >= tokens.size()) {
            throw new IllegalArgumentException("unknown path selector type");
        }
        String name = tokens.get(index);
        int from = index + 2;
        long n = index + 1 < tokens.size() ? KernelArgs.parseUnsigned(tokens.get(index + 1)).orElse(-1) : -1;
        if (n < 0 || n > PathSelectors.MAX_SELECTOR_ARGS || from + n > tokens.size()) {
            throw new IllegalArgumentException("invalid number of path selector args");
        }
        int end = from + (int) n;
        return new Consumed(new SelectorSpec(name, new ArrayList<>(tokens.subList(from, end))), end);
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
