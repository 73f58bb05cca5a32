package io.jmultipath.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One (factorized) {@code devices { device { ... } }} entry. {@code builtin}: from the compiled-in
 * hardware table. Matching is POSIX ERE, unanchored, case-sensitive on vendor/product/revision;
 * an absent regex matches anything.
 */
public final class HwEntry {
    private final Map<String, String> values;
    private final boolean builtin;
    private final Predicate<String> vendor;
    private final Predicate<String> product;
    private final Predicate<String> revision;

    HwEntry(Map<String, String> values, boolean builtin) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.builtin = builtin;
        this.vendor = compile(values.get("vendor"));
        this.product = compile(values.get("product"));
        this.revision = compile(values.get("revision"));
    }

    /** Unanchored ERE search; plain literals and ^literal use String.contains/startsWith. */
    static Predicate<String> compile(String re) {
        if (re == null) {
            return null;
        }
        boolean anchored = re.startsWith("^");
        String body = anchored ? re.substring(1) : re;
        if (body.chars().noneMatch(c -> "\\.[]()*+?{}|^$".indexOf(c) >= 0)) {
            return anchored ? s -> s.startsWith(body) : s -> s.contains(body);
        }
        try {
            java.util.regex.Pattern p = PosixRegex.compile(re);
            return s -> p.matcher(s).find();
        } catch (IllegalArgumentException e) {
            return s -> false;
        }
    }

    public Map<String, String> values() {
        return values;
    }

    public Optional<String> value(String keyword) {
        return Optional.ofNullable(values.get(keyword));
    }

    public boolean builtin() {
        return builtin;
    }

    public String vendor() {
        return values.get("vendor");
    }

    public String product() {
        return values.get("product");
    }

    /** hwe_regmatch: does this entry apply to the given inquiry strings? */
    public boolean matches(String v, String p, String r) {
        return (vendor == null || v == null || vendor.test(v))
                && (product == null || p == null || product.test(p))
                && (revision == null || r == null || revision.test(r));
    }

    @Override
    public String toString() {
        return vendor() + ":" + product() + ":" + values.get("revision");
    }
}
