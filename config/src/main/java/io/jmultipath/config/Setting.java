package io.jmultipath.config;

/**
 * One effective attribute value. {@code value} is the value as {@code multipath -t} prints it but
 * unquoted ("service-time 0", "manual", "15", "queue", ...).
 */
public record Setting(String keyword, String value, Origin origin) {
    /** multipath-tools' log form: {@code keyword = value (setting: ...)}. */
    @Override
    public String toString() {
        return keyword + " = " + value + " " + origin.text();
    }
}
