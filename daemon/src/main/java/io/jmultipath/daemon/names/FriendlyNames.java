package io.jmultipath.daemon.names;

import java.util.OptionalInt;

/** user_friendly_names: prefix + bijective base-26 suffix (1 → a, 26 → z, 27 → aa, 702 → zz, 703 → aaa). */
public final class FriendlyNames {

    private FriendlyNames() {
    }

    public static String format(String prefix, int id) {
        if (id <= 0) {
            throw new IllegalArgumentException("alias id must be positive: " + id);
        }
        StringBuilder sb = new StringBuilder();
        long n = id;
        while (n > 0) {
            n--;
            sb.append((char) ('a' + n % 26));
            n /= 26;
        }
        return prefix + sb.reverse();
    }

    /** The id of {@code alias} if it is prefix + letters a-z (no overflow past Integer.MAX_VALUE). */
    public static OptionalInt scan(String prefix, String alias) {
        if (!alias.startsWith(prefix) || alias.length() == prefix.length()) {
            return OptionalInt.empty();
        }
        long n = 0;
        for (char c : alias.substring(prefix.length()).toCharArray()) {
            if (c < 'a' || c > 'z') {
                return OptionalInt.empty();
            }
            n = n * 26 + (c - 'a' + 1);
            if (n > Integer.MAX_VALUE) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of((int) n);
    }
}
