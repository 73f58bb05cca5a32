package io.jmultipath.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The value types of dict.c: set_int, set_yes_no, set_str, set_arg_str, set_pgfailback, ... */
final class Values {
    private Values() {
    }

    static final long INT_MAX = Integer.MAX_VALUE;
    static final long INT_MIN = Integer.MIN_VALUE;
    static final long UINT_MAX = 0xffffffffL;

    static String invalid(String kw, String raw) {
        return "invalid value for " + kw + ": \"" + raw + "\"";
    }

    /** C strtol over the whole string with optional surrounding whitespace; null if not a number. */
    static Long strtol(String raw) {
        String t = raw.strip();
        if (raw.isEmpty() || !raw.equals(t) && !raw.stripLeading().equals(t)) {
            if (raw.isEmpty()) {
                return null;
            }
        }
        if (t.isEmpty() || !t.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return t.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** do_set_int: invalid keeps the old value; out of range caps with a warning. */
    static Parsed doSetInt(String kw, String raw, long min, long max) {
        Long v = strtol(raw);
        if (v == null) {
            return Parsed.keep(invalid(kw, raw));
        }
        if (v > max || v < min) {
            long capped = v > max ? max : min;
            return Parsed.setWarn(Long.toString(capped), "value for " + kw + " too "
                    + (capped == max ? "large" : "small") + ", capping at " + capped);
        }
        return Parsed.set(Long.toString(v));
    }

    /** Integer range, printed bare; {@code zeroUnset}: 0 means "undefined" (print_nonzero / defint). */
    static ValueType integer(long min, long max, boolean zeroUnset) {
        return new ValueType() {
            public Parsed parse(String kw, String raw) {
                Parsed p = doSetInt(kw, raw, min, max);
                if (zeroUnset && p.kind() == Parsed.Kind.SET && p.value().equals("0")) {
                    return new Parsed(Parsed.Kind.UNSET, null, p.warning());
                }
                return p;
            }

            public String print(String v) {
                return v;
            }
        };
    }

    /** set_uint (polling_interval, max_polling_interval). */
    static ValueType unsigned(boolean zeroUnset) {
        return new ValueType() {
            public Parsed parse(String kw, String raw) {
                String t = raw.stripLeading();
                if (raw.isEmpty() || t.isEmpty() || !Character.isDigit(t.charAt(0))
                        || !t.strip().matches("[0-9]+")) {
                    return Parsed.keep(invalid(kw, raw));
                }
                String digits = t.strip();
                if (digits.length() > 10 || Long.parseLong(digits) > UINT_MAX) {
                    return Parsed.keep(invalid(kw, raw));
                }
                long v = Long.parseLong(digits);
                if (zeroUnset && v == 0) {
                    return Parsed.unset();
                }
                return Parsed.set(Long.toString(v));
            }

            public String print(String v) {
                return v;
            }
        };
    }

    /** Strings printed quoted; {@code noSlash}: set_str_noslash; {@code path}: set_path. */
    static ValueType string(boolean noSlash, boolean path) {
        return new ValueType() {
            public Parsed parse(String kw, String raw) {
                if (noSlash && raw.indexOf('/') >= 0) {
                    return Parsed.keep(raw + " cannot contain a slash. Ignoring");
                }
                if (path && !raw.startsWith("/")) {
                    return Parsed.keep(raw + " is not an absolute path. Ignoring");
                }
                return Parsed.set(raw);
            }

            public String print(String v) {
                return ValueType.quote(v);
            }
        };
    }

    /** set_arg_str: the word at countIdx must equal the number of words after it. */
    static ValueType argString(int countIdx) {
        return new ValueType() {
            public Parsed parse(String kw, String raw) {
                String[] words = raw.trim().isEmpty() ? new String[0] : raw.trim().split("[ \f\r\t\u000b]+");
                if (words.length <= countIdx || !words[countIdx].matches("[+-]?[0-9]+")) {
                    return Parsed.keep("missing argument count for " + kw);
                }
                long count = Long.parseLong(words[countIdx].replace("+", ""));
                int expected = words.length - 1 - countIdx;
                if (count < 0) {
                    return Parsed.keep("missing argument count for " + kw);
                }
                if (count != expected) {
                    return Parsed.keep("invalid argument count for " + kw + ":, got '" + count
                            + "' expected '" + expected + "'");
                }
                return Parsed.set(raw);
            }

            public String print(String v) {
                return ValueType.quote(v);
            }
        };
    }

    /**
     * Words mapped to canonical words (quoted when printed), plus optionally an integer range
     * (printed bare). {@code aliases} pairs: input, canonical. {@code unsetWords} parse to "undefined".
     */
    static ValueType words(List<String> aliases, long min, long max, Set<String> unsetWords) {
        return new ValueType() {
            public Parsed parse(String kw, String raw) {
                for (int i = 0; i < aliases.size(); i += 2) {
                    if (aliases.get(i).equals(raw)) {
                        return Parsed.set(aliases.get(i + 1));
                    }
                }
                if (min > max) {
                    return Parsed.keep(invalid(kw, raw));
                }
                Parsed p = doSetInt(kw, raw, min, max);
                if (p.kind() == Parsed.Kind.SET && unsetWords.contains(p.value())) {
                    return Parsed.unset();
                }
                return p;
            }

            public String print(String v) {
                return v.matches("-?[0-9]+") ? v : ValueType.quote(v);
            }
        };
    }

    static ValueType enumWords(String... aliases) {
        return words(List.of(aliases), 1, 0, Set.of());
    }

    static final ValueType YES_NO = enumWords("yes", "yes", "1", "yes", "no", "no", "0", "no");

    /** set_undef_off_zero: "off", "0" or 1..INT_MAX; all printed bare. */
    static final ValueType UNDEF_OFF_ZERO = new ValueType() {
        public Parsed parse(String kw, String raw) {
            if (raw.equals("off") || raw.equals("0")) {
                return Parsed.set(raw);
            }
            return doSetInt(kw, raw, 1, INT_MAX);
        }

        public String print(String v) {
            return v;
        }
    };

    /** set_dev_loss: "infinity" (printed quoted) or sscanf %u. */
    static final ValueType DEV_LOSS = new ValueType() {
        public Parsed parse(String kw, String raw) {
            if (raw.equals("infinity")) {
                return Parsed.set("infinity");
            }
            String t = raw.stripLeading();
            int j = 0;
            boolean neg = false;
            if (j < t.length() && (t.charAt(j) == '+' || t.charAt(j) == '-')) {
                neg = t.charAt(j) == '-';
                j++;
            }
            int s = j;
            while (j < t.length() && Character.isDigit(t.charAt(j))) {
                j++;
            }
            if (j == s) {
                return Parsed.keep(invalid("dev_loss_tmo", raw));
            }
            long v = Long.parseLong(t.substring(s, Math.min(j, s + 18)));
            v = neg ? (-v) & UINT_MAX : v & UINT_MAX;
            if (v == UINT_MAX) {
                return Parsed.set("infinity");
            }
            return v == 0 ? Parsed.unset() : Parsed.set(Long.toString(v));
        }

        public String print(String v) {
            return v.equals("infinity") ? ValueType.quote(v) : v;
        }
    };

    /**
     * mode (sscanf "%o", at most 0777) / uid / gid: for uid and gid a user name is looked up first
     * (getpwnam_r: uid is the user's uid, gid the user's primary gid), then sscanf "%u"; leading
     * number prefix, trailing garbage ignored; printed as "0%o".
     */
    static ValueType octal(long max) {
        return new ValueType() {
            public Parsed parse(String kw, String raw) {
                boolean octalForm = kw.equals("mode");
                if (!octalForm) {
                    java.util.Optional<long[]> user = Passwd.lookup(raw);
                    if (user.isPresent()) {
                        return Parsed.set("0" + Long.toOctalString(user.get()[kw.equals("uid") ? 0 : 1]));
                    }
                }
                Long v = scanUnsigned(raw, octalForm ? 8 : 10);
                if (v == null || v > max) {
                    return Parsed.keep(invalid(kw, raw));
                }
                return Parsed.set("0" + Long.toOctalString(v));
            }

            public String print(String v) {
                return v;
            }
        };
    }

    /** sscanf("%u"/"%o"): optional whitespace and sign, then digits; 32-bit wrap-around. */
    static Long scanUnsigned(String raw, int radix) {
        int i = 0;
        int n = raw.length();
        while (i < n && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (raw.charAt(i) == '+' || raw.charAt(i) == '-')) {
            neg = raw.charAt(i) == '-';
            i++;
        }
        int s = i;
        long v = 0;
        while (i < n && Character.digit(raw.charAt(i), radix) >= 0) {
            v = (v * radix + Character.digit(raw.charAt(i), radix)) & 0xffffffffffL;
            i++;
        }
        if (i == s) {
            return null;
        }
        return (neg ? -v : v) & UINT_MAX;
    }

    /** reservation_key: "file" or a hex key of up to 16 digits with optional ":aptpl". */
    /** reservation_key: an invalid key makes the handler fail, which fails the whole config in C. */
    static final ValueType PRKEY = new ValueType() {
        public Parsed parse(String kw, String raw) {
            if (raw.equals("file")) {
                return Parsed.set("file");
            }
            String s = raw;
            String flag = "";
            int colon = s.indexOf(':');
            if (colon >= 0) {
                if (!s.substring(colon + 1).equals("aptpl")) {
                    return Parsed.keep(invalid(kw, raw));
                }
                flag = ":aptpl";
                s = s.substring(0, colon);
            }
            if (s.startsWith("0")) {
                s = s.substring(1);
            }
            if (s.startsWith("x") || s.startsWith("X")) {
                s = s.substring(1);
            }
            if (s.isEmpty() || s.length() > 16 || !s.matches("[0-9a-fA-F]+")) {
                return Parsed.keep(invalid(kw, raw));
            }
            return Parsed.set("0x" + Long.toHexString(Long.parseUnsignedLong(s, 16)).toLowerCase(Locale.ROOT) + flag);
        }

        public String print(String v) {
            return v.equals("file") ? ValueType.quote(v) : v;
        }
    };

    /** Deprecated no-op keyword: value accepted and ignored, never printed. */
    static final ValueType IGNORED = new ValueType() {
        public Parsed parse(String kw, String raw) {
            return Parsed.unset();
        }

        public String print(String v) {
            return ValueType.quote(v);
        }
    };
}
