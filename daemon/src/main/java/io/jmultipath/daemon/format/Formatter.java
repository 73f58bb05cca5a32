package io.jmultipath.daemon.format;

import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.topology.PathGroup;
import io.jmultipath.daemon.topology.Topology;

import java.util.List;
import java.util.Map;

/**
 * The text formats of multipath-tools 0.9.4, byte for byte: {@code multipath -ll} / {@code show topology},
 * {@code show paths [raw] format}, {@code show maps [raw] format}, {@code show wildcards}.
 * JSON is in {@link JsonFormatter}. All methods are pure functions of a {@link Topology} snapshot.
 */
public final class Formatter {

    /** {@code show paths} default format. */
    public static final String PATHS_FORMAT = "%i %d %D %p %t %T %o %C";
    /** {@code show maps} default format. */
    public static final String MAPS_FORMAT = "%n %d %w";
    /** {@code show maps status}. */
    public static final String MAPS_STATUS_FORMAT = "%n %F %Q %N %t %r";
    /** {@code show maps stats}. */
    public static final String MAPS_STATS_FORMAT = "%n %0 %1 %2 %3 %4";

    static final String PATH_INDENT = "%i %d %D %t %T %o";
    static final String MAP_PROPS = "size=%S features='%f' hwhandler='%h' wp=%r";

    private static final LineFormat<Path> PATHS = new LineFormat<>(PathFields::lookup);
    private static final LineFormat<MultipathMap> MAPS = new LineFormat<>(MapFields::lookup);

    private Formatter() {
    }

    /** {@code show paths format F}: header + padded rows; {@code raw}: rows only, no padding. Empty if no paths. */
    public static String paths(Topology t, String format, boolean raw) {
        return paths(t.paths(), format, raw);
    }

    public static String paths(List<Path> paths, String format, boolean raw) {
        StringBuilder sb = new StringBuilder();
        if (paths.isEmpty()) {
            return "";
        }
        Map<Character, Integer> w = raw ? null : PATHS.widths(format, paths, true);
        if (!raw) {
            PATHS.header(sb, format, w);
        }
        for (Path p : paths) {
            PATHS.line(sb, format, p, w);
        }
        return sb.toString();
    }

    /** {@code show maps format F} (also status / stats formats). Empty if no maps. */
    public static String maps(Topology t, String format, boolean raw) {
        return maps(t.maps(), format, raw);
    }

    public static String maps(List<MultipathMap> maps, String format, boolean raw) {
        StringBuilder sb = new StringBuilder();
        if (maps.isEmpty()) {
            return "";
        }
        Map<Character, Integer> w = raw ? null : MAPS.widths(format, maps, true);
        if (!raw) {
            MAPS.header(sb, format, w);
        }
        for (MultipathMap m : maps) {
            MAPS.line(sb, format, m, w);
        }
        return sb.toString();
    }

    /** {@code show topology}: every map, path columns padded across all known paths. */
    public static String topology(Topology t) {
        Map<Character, Integer> w = PATHS.widths(PATH_INDENT, t.paths(), false);
        StringBuilder sb = new StringBuilder();
        for (MultipathMap m : t.maps()) {
            mapTopology(sb, m, 2, w);
        }
        return sb.toString();
    }

    /** {@code show map X topology}: one map, path columns padded across all known paths. */
    public static String mapTopology(Topology t, MultipathMap m) {
        StringBuilder sb = new StringBuilder();
        mapTopology(sb, m, 2, PATHS.widths(PATH_INDENT, t.paths(), false));
        return sb.toString();
    }

    /** {@code multipath -ll} / {@code multipath -v2} style: path columns padded within this map only. */
    public static String multipathTopology(MultipathMap m, int verbosity) {
        StringBuilder sb = new StringBuilder();
        mapTopology(sb, m, verbosity, PATHS.widths(PATH_INDENT, m.paths(), false));
        return sb.toString();
    }

    static void mapTopology(StringBuilder sb, MultipathMap m, int verbosity, Map<Character, Integer> pathWidths) {
        if (verbosity <= 0) {
            return;
        }
        if (verbosity == 1) {
            MAPS.line(sb, "%n", m, null);
            return;
        }
        String style = (m.action().text().isPresent() ? "%A: " : "") + "%n"
                + (m.name().equals(m.wwid()) ? "" : " (%w)") + " %d %s";
        MAPS.line(sb, style, m, null);
        MAPS.line(sb, MAP_PROPS, m, null);
        List<PathGroup> groups = m.groups();
        for (int g = 0; g < groups.size(); g++) {
            PathGroup pg = groups.get(g);
            boolean lastGroup = g + 1 == groups.size();
            sb.append(lastGroup ? '`' : '|').append("-+- ")
                    .append("policy='").append(m.selector()).append("' prio=").append(pg.priority())
                    .append(" status=").append(pg.status().text()).append('\n');
            List<Path> paths = pg.paths();
            for (int i = 0; i < paths.size(); i++) {
                sb.append(lastGroup ? ' ' : '|').append(' ').append(i + 1 == paths.size() ? '`' : '|').append("- ");
                PATHS.line(sb, PATH_INDENT, paths.get(i), pathWidths);
            }
        }
    }

    /** One path with a format, no padding (e.g. for {@code show path X}). */
    public static String path(Path p, String format) {
        StringBuilder sb = new StringBuilder();
        PATHS.line(sb, format, p, null);
        return sb.toString();
    }

    /** One map with a format, no padding. */
    public static String map(MultipathMap m, String format) {
        StringBuilder sb = new StringBuilder();
        MAPS.line(sb, format, m, null);
        return sb.toString();
    }

    /** {@code show wildcards}. */
    public static String wildcards() {
        StringBuilder sb = new StringBuilder("multipath format wildcards:\n");
        for (Wildcard<MultipathMap> w : MapFields.ALL) {
            sb.append('%').append(w.letter()).append("  ").append(w.header()).append('\n');
        }
        sb.append("\npath format wildcards:\n");
        for (Wildcard<Path> w : PathFields.ALL) {
            sb.append('%').append(w.letter()).append("  ").append(w.header()).append('\n');
        }
        return sb.toString();
    }
}
