package io.jmultipath.daemon.discovery;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parser for udev database entries (/run/udev/data/b8:16): the {@code E:KEY=VALUE} property lines. */
public final class UdevDb {

    private UdevDb() {
    }

    public static Map<String, String> properties(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("E:")) {
                int eq = line.indexOf('=');
                if (eq > 2) {
                    out.put(line.substring(2, eq), line.substring(eq + 1));
                }
            }
        }
        return out;
    }
}
