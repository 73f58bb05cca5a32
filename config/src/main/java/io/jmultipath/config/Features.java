package io.jmultipath.config;

import java.util.Map;

/** Feature-string helpers (structs.c remove_feature, propsel.c reconcile_features_with_options). */
final class Features {
    static final String QUEUE_IF_NO_PATH = "queue_if_no_path";
    static final String RETAIN_HW_HANDLER = "retain_attached_hw_handler";

    private Features() {
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c);
    }

    /** remove_feature: drops one feature token and decrements the leading count. */
    static String remove(String features, String feat) {
        int len = feat.length();
        int ptr = features.indexOf(feat, 1);
        while (ptr >= 0) {
            boolean before = space(features.charAt(ptr - 1));
            boolean after = ptr + len == features.length() || space(features.charAt(ptr + len));
            if (before && after) {
                break;
            }
            ptr = features.indexOf(feat, ptr + len);
        }
        if (ptr < 0) {
            return features;
        }
        int i = 0;
        while (i < features.length() && Character.isDigit(features.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= features.length() || !space(features.charAt(i))) {
            return features;
        }
        int count = Integer.parseInt(features.substring(0, i)) - 1;
        if (count == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder(Integer.toString(count));
        b.append(features, i, ptr);
        int rest = ptr + len;
        while (rest < features.length() && space(features.charAt(rest))) {
            rest++;
        }
        if (rest < features.length()) {
            b.append(features.substring(rest));
        } else {
            while (b.length() > 0 && space(b.charAt(b.length() - 1))) {
                b.setLength(b.length() - 1);
            }
        }
        return b.toString();
    }

    /** reconcile_features_with_options on a section's values (features/no_path_retry/retain...). */
    static void reconcile(Map<String, String> v) {
        String f = v.get("features");
        if (f == null) {
            return;
        }
        if (f.contains(QUEUE_IF_NO_PATH)) {
            v.putIfAbsent("no_path_retry", "queue");
            f = remove(f, QUEUE_IF_NO_PATH);
        }
        if (f.contains(RETAIN_HW_HANDLER)) {
            v.putIfAbsent("retain_attached_hw_handler", "yes");
            f = remove(f, RETAIN_HW_HANDLER);
        }
        v.put("features", f);
    }
}
