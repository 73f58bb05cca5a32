package io.jmultipath.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One blacklist/exception regex ({@code devnode}, {@code wwid}, {@code property}, {@code protocol}),
 * with multipath-tools' {@code !} inversion and {@code \!} escape; {@code fromConfig} false for the
 * built-in default rules.
 */
public record BlacklistRule(String text, boolean fromConfig, boolean inverted, Pattern pattern) {
    public static BlacklistRule of(String text, boolean fromConfig) {
        String re = text;
        boolean inv = false;
        if (re.startsWith("!")) {
            inv = true;
            re = re.substring(1);
        } else if (re.startsWith("\\!")) {
            re = re.substring(1);
        }
        return new BlacklistRule(text, fromConfig, inv, PosixRegex.compile(re));
    }

    public boolean matches(String s) {
        return pattern.matcher(s).find() != inverted;
    }

    /** A {@code device { vendor product }} rule; either side may be absent. */
    public record Device(Optional<BlacklistRule> vendor, Optional<BlacklistRule> product, boolean fromConfig) {
        public boolean matches(String v, String p) {
            if (vendor.isEmpty() && product.isEmpty()) {
                return false;
            }
            return vendor.map(r -> r.matches(v)).orElse(true) && product.map(r -> r.matches(p)).orElse(true);
        }

        String vendorText() {
            return vendor.map(BlacklistRule::text).orElse("(null)");
        }

        String productText() {
            return product.map(BlacklistRule::text).orElse("(null)");
        }
    }
}
