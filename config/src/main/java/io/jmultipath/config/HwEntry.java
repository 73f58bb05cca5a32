package io.jmultipath.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One (factorized) {@code devices { device { ... } }} entry. {@code builtin}: from the compiled-in
 * hardware table. Matching is POSIX ERE, unanchored, case-sensitive on vendor/product/revision;
 * an absent regex matches anything.
 */
public final class HwEntry {
    private final Map<String, String> values;
    private final boolean builtin;
    private final Pattern vendor;
    private final Pattern product;
    private final Pattern revision;

    HwEntry(Map<String, String> values, boolean builtin) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.builtin = builtin;
        this.vendor = compile(values.get("vendor"));
        this.product = compile(values.get("product"));
        this.revision = compile(values.get("revision"));
    }

    private static Pattern compile(String re) {
        if (re == null) {
            return null;
        }
        try {
            return PosixRegex.compile(re);
        } catch (IllegalArgumentException e) {
            return null;
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
        return (vendor == null || v == null || vendor.matcher(v).find())
                && (product == null || p == null || product.matcher(p).find())
                && (revision == null || r == null || revision.matcher(r).find());
    }

    @Override
    public String toString() {
        return vendor() + ":" + product() + ":" + values.get("revision");
    }
}
