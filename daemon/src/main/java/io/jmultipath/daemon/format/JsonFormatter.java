package io.jmultipath.daemon.format;

import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.topology.PathGroup;
import io.jmultipath.daemon.topology.Topology;

import java.util.List;

/**
 * {@code show maps json} / {@code show map X json} in multipath-tools' layout (key order, 3-space
 * indent steps, "},{" joins). Unlike the C code, string values are JSON-escaped.
 */
public final class JsonFormatter {

    private static final String MAP = "{\n"
            + "      \"name\" : \"%n\",\n"
            + "      \"uuid\" : \"%w\",\n"
            + "      \"sysfs\" : \"%d\",\n"
            + "      \"failback\" : \"%F\",\n"
            + "      \"queueing\" : \"%Q\",\n"
            + "      \"paths\" : %N,\n"
            + "      \"write_prot\" : \"%r\",\n"
            + "      \"dm_st\" : \"%t\",\n"
            + "      \"features\" : \"%f\",\n"
            + "      \"hwhandler\" : \"%h\",\n"
            + "      \"action\" : \"%A\",\n"
            + "      \"path_faults\" : %0,\n"
            + "      \"vend\" : \"%v\",\n"
            + "      \"prod\" : \"%p\",\n"
            + "      \"rev\" : \"%e\",\n"
            + "      \"switch_grp\" : %1,\n"
            + "      \"map_loads\" : %2,\n"
            + "      \"total_q_time\" : %3,\n"
            + "      \"q_timeouts\" : %4,";

    private static final String PATH = "{\n"
            + "            \"dev\" : \"%d\",\n"
            + "            \"dev_t\" : \"%D\",\n"
            + "            \"dm_st\" : \"%t\",\n"
            + "            \"dev_st\" : \"%o\",\n"
            + "            \"chk_st\" : \"%T\",\n"
            + "            \"checker\" : \"%c\",\n"
            + "            \"pri\" : %p,\n"
            + "            \"host_wwnn\" : \"%N\",\n"
            + "            \"target_wwnn\" : \"%n\",\n"
            + "            \"host_wwpn\" : \"%R\",\n"
            + "            \"target_wwpn\" : \"%r\",\n"
            + "            \"host_adapter\" : \"%a\",\n"
            + "            \"lun_hex\" : \"%L\",\n"
            + "            \"marginal_st\" : \"%M\"";

    private static final LineFormat<MultipathMap> MAPS = new LineFormat<>(
            c -> MapFields.lookup(c).map(w -> new Wildcard<MultipathMap>(w.letter(), w.header(),
                    m -> escape(w.render().apply(m)))));
    private static final LineFormat<Path> PATHS = new LineFormat<>(
            c -> PathFields.lookup(c).map(w -> new Wildcard<Path>(w.letter(), w.header(),
                    p -> escape(w.render().apply(p)))));

    private JsonFormatter() {
    }

    /** {@code show maps json}. */
    public static String maps(Topology t) {
        StringBuilder sb = new StringBuilder();
        header(sb);
        sb.append("   \"maps\": [");
        List<MultipathMap> maps = t.maps();
        for (int i = 0; i < maps.size(); i++) {
            mapFields(sb, maps.get(i), i + 1 == maps.size());
        }
        sb.append("]\n");
        sb.append("}\n");
        return sb.toString();
    }

    /** {@code show map X json}. */
    public static String map(MultipathMap m) {
        StringBuilder sb = new StringBuilder();
        header(sb);
        sb.append("   \"map\":");
        mapFields(sb, m, true);
        sb.append("\n");
        sb.append("}\n");
        return sb.toString();
    }

    private static void header(StringBuilder sb) {
        sb.append("{\n   \"major_version\": 0,\n   \"minor_version\": 1,\n");
    }

    private static void mapFields(StringBuilder sb, MultipathMap m, boolean last) {
        MAPS.line(sb, MAP, m, null);
        sb.append("      \"path_groups\": [");
        List<PathGroup> groups = m.groups();
        for (int i = 0; i < groups.size(); i++) {
            PathGroup g = groups.get(i);
            sb.append("{\n")
                    .append("         \"selector\" : \"").append(escape(m.selector())).append("\",\n")
                    .append("         \"pri\" : ").append(g.priority()).append(",\n")
                    .append("         \"dm_st\" : \"").append(g.status().text()).append("\",\n")
                    .append("         \"marginal_st\" : \"").append(g.marginal() ? "marginal" : "normal")
                    .append("\",\n");
            sb.append("         \"group\" : ").append(i + 1).append(",\n");
            sb.append("         \"paths\": [");
            List<Path> paths = g.paths();
            for (int j = 0; j < paths.size(); j++) {
                PATHS.line(sb, PATH, paths.get(j), null);
                sb.append("         ").append(j + 1 == paths.size() ? "}" : "},");
            }
            sb.append("]\n");
            sb.append("      ").append(i + 1 == groups.size() ? "}" : "},");
        }
        sb.append("]\n");
        sb.append("   ").append(last ? "}" : "},");
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
