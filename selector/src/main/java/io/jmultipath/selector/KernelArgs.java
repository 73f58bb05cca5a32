package io.jmultipath.selector;

import java.util.OptionalLong;

/** Kernel argument parsing helpers (the kernel's {@code sscanf(arg, "%u%c", &v, &dummy) == 1}). */
final class KernelArgs {

    private KernelArgs() {
    }

    /**
     * Parses like the kernel's {@code sscanf("%u%c") == 1}: optional leading white space, then
     * decimal digits only (no sign; the kernel's %u rejects '-' and '+'), nothing after them.
     * The value is stored into an {@code unsigned int}, so it is reduced modulo 2^32 exactly as
     * {@code simple_strtoull} + the narrowing store do.
     */
    static OptionalLong parseUnsigned(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        if (i >= n || !isDigit(s.charAt(i))) {
            return OptionalLong.empty();
        }
        long v = 0;
        while (i < n && isDigit(s.charAt(i))) {
            v = v * 10 + (s.charAt(i) - '0'); // wraps modulo 2^64 like the kernel's u64 accumulator
            i++;
        }
        if (i != n) {
            return OptionalLong.empty(); // "%c" matched a trailing character: sscanf returns 2
        }
        return OptionalLong.of(v & 0xFFFF_FFFFL);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
