package io.jmultipath.selector.sim;

import java.util.Locale;

/** Parsing and printing of durations, sizes and rates for the simulate command. */
final class Units {

    private Units() {
    }

    /** "2ms", "500us", "1.5s", "100ns", "2m" -> nanoseconds. A bare number is milliseconds. */
    static long duration(String text) throws UsageException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String[][] units = {{"ns", "1"}, {"us", "1000"}, {"µs", "1000"}, {"ms", "1000000"},
            {"s", "1000000000"}, {"m", "60000000000"}};
        double mult = 1e6;
        String num = t;
        for (String[] u : units) {
            if (t.endsWith(u[0]) && startsNumeric(t.substring(0, t.length() - u[0].length()))) {
                num = t.substring(0, t.length() - u[0].length());
                mult = Double.parseDouble(u[1]);
                break;
            }
        }
        double v = number(num, text, "duration");
        double ns = v * mult;
        if (ns < 0 || ns > 3.6e15) {
            throw new UsageException("invalid duration '" + text + "'");
        }
        return Math.round(ns);
    }

    /** "4k", "128KiB", "1M", "512" -> bytes (binary multiples). */
    static long size(String text) throws UsageException {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        long mult = 1;
        for (String suffix : new String[] {"ib", "b"}) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                lower = lower.substring(0, lower.length() - suffix.length());
                break;
            }
        }
        if (!lower.isEmpty()) {
            char c = lower.charAt(lower.length() - 1);
            int idx = "kmgt".indexOf(c);
            if (idx >= 0) {
                mult = 1L << (10 * (idx + 1));
                lower = lower.substring(0, lower.length() - 1);
            }
        }
        double v = number(lower, text, "size");
        double bytes = v * mult;
        if (bytes < 1 || bytes > (double) (1L << 40)) {
            throw new UsageException("invalid size '" + text + "'");
        }
        return Math.round(bytes);
    }

    /** "200MB/s", "1G/s", "500M" -> bytes per second (binary multiples). */
    static long rate(String text) throws UsageException {
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        }
        try {
            return size(t);
        } catch (UsageException e) {
            throw new UsageException("invalid rate '" + text + "'");
        }
    }

    private static boolean startsNumeric(String s) {
        return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '.');
    }

    private static double number(String num, String original, String what) throws UsageException {
        if (!startsNumeric(num)) {
            throw new UsageException("invalid " + what + " '" + original + "'");
        }
        try {
            double v = Double.parseDouble(num);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("invalid " + what + " '" + original + "'");
        }
    }

    static long parseLong(String option, String value, long min, long max) throws UsageException {
        try {
            long v = Long.parseLong(value.trim());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": expected an integer " + min + ".." + max + ", got '" + value + "'");
        }
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /** 6000000000 -> "6s", 2500000 -> "2.5ms". */
    static String humanDuration(long nanos) {
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
        }
        return String.format(Locale.ROOT, "%.3fms", nanos / 1e6).replaceAll("\\.?0+ms$", "ms");
    }

    static String humanSize(long bytes) {
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MiB";
        }
        if (bytes % 1024 == 0) {
            return (bytes >> 10) + "KiB";
        }
        return bytes + "B";
    }
}
