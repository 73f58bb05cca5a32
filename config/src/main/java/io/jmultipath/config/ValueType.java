package io.jmultipath.config;

/** How one keyword's value is parsed (validated/normalised) and printed, as in dict.c. */
interface ValueType {
    /** Parses the raw (unquoted) value for keyword {@code kw}. */
    Parsed parse(String kw, String raw);

    /** The value as `multipath -t` prints it (quoted where multipath-tools quotes it); null = no line. */
    String print(String canonical);

    static String quote(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
