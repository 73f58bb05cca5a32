package io.jmultipath.daemon.format;

/** Small renderers shared by the field tables. */
final class Texts {

    private Texts() {
    }

    /** multipath-tools snprint_size: sectors → "5.5G" / "269G" (float arithmetic, K..P). */
    static String size(long sectors) {
        float s = (float) (sectors >> 1);
        char[] units = {'K', 'M', 'G', 'T', 'P'};
        int u = 0;
        while (s >= 1024 && u < units.length - 1) {
            s = s / 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, s < 10 ? "%.1f%c" : "%.0f%c", s, units[u]);
    }

    /** 10-char bar of X (cur/total) and dots, then " cur/total". */
    static String progress(int cur, int total) {
        StringBuilder sb = new StringBuilder();
        if (total > 0) {
            int i = 10 * cur / total;
            sb.append("X".repeat(Math.max(0, i))).append(".".repeat(Math.max(0, 10 - i)));
        }
        return sb.append(' ').append(cur).append('/').append(total).toString();
    }
}
