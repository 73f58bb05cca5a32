package io.jmultipath.config;

import java.util.List;
import java.util.Random;

/** Seeded random multipath.conf texts drawn from the keyword table, for differential testing. */
final class RandomConfigs {
    private static final List<String> VALUES = List.of("yes", "no", "0", "1", "2", "5", "-1", "30", "120",
            "4000", "abc", "off", "on", "fail", "queue", "manual", "immediate", "followover", "uniform",
            "priorities", "infinity", "failover", "multibus", "group_by_prio", "group_by_serial",
            "group_by_node_name", "strict", "smart", "greedy", "once", "always", "\"service-time 0\"",
            "\"round-robin 0\"", "\"queue-length 0\"", "\"1 queue_if_no_path\"", "\"2 pg_init_retries 50\"",
            "\"0\"", "\"1 alua\"", "\"1 emc\"", "tur", "directio", "alua", "const", "\"\"", "0644", "0777",
            "0x1234abcd", "0xABC:aptpl", "file", "hp3par", "scsi:fcp", "scsi:iscsi", "nvme:tcp",
            "\"sd:ID_SERIAL\"", "/etc/x", "mp", "\"a b c\"", "99999999999", "2147483648", "07", " 8 ");

    private static final List<String[]> DEVICES = List.of(new String[] {"NETAPP", "LUN"},
            new String[] {"3PARdata", "VV"}, new String[] {"(LIO-ORG|SUSE)", ".*"}, new String[] {"V0", "P0"},
            new String[] {"V0", "P0", "1"}, new String[] {"V1", "P1"}, new String[] {"DGC", ".*"},
            new String[] {"^DGC", "^(RAID|DISK|VRAID)"});
    private static final List<String> NOISE = List.of("", "", "", " # comment", " ! bang", "\t# \"quoted\"",
            " extra words", "#glued");

    private RandomConfigs() {
    }

    /** Adds harmless noise (comments, extra words, quoting of bare values) line by line. */
    static String noisy(String text, long seed) {
        Random r = new Random(seed * 31 + 7);
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line;
            String[] kv = t.trim().split(" ", 2);
            if (kv.length == 2 && !kv[1].startsWith("\"") && !kv[1].equals("{") && r.nextInt(3) == 0
                    && !kv[1].startsWith(" ")) {
                t = t.substring(0, t.indexOf(kv[0]) + kv[0].length()) + " \"" + kv[1] + "\"";
            }
            if (!t.trim().isEmpty() && !t.trim().equals("}") && !t.trim().endsWith("{")) {
                t = t + NOISE.get(r.nextInt(NOISE.size()));
            }
            if (r.nextInt(10) == 0) {
                b.append(r.nextBoolean() ? "# a comment line\n" : "   \n");
            }
            b.append(t).append('\n');
        }
        return b.toString();
    }

    static String generate(long seed) {
        Random r = new Random(seed);
        Keywords t = Keywords.table();
        StringBuilder b = new StringBuilder();
        b.append("defaults {\n");
        for (Keyword k : t.all()) {
            if (k.in(Scope.DEFAULTS) && r.nextInt(3) == 0 && !k.name().equals("reservation_key")) {
                String v = value(r);
                if (k.name().equals("partition_delimiter") && v.contains("/")) {
                    // multipath-tools 0.9.4 dereferences NULL after rejecting it (segfault);
                    // jmultipath warns and ignores it (ConfigErrorsTest)
                    v = "mp";
                }
                b.append('\t').append(k.name()).append(' ').append(v).append('\n');
            }
        }
        b.append("}\nblacklist {\n");
        blacklist(b, r);
        b.append("}\nblacklist_exceptions {\n");
        blacklist(b, r);
        b.append("}\ndevices {\n");
        for (int d = 0; d < 1 + r.nextInt(3); d++) {
            String[] vp = DEVICES.get(r.nextInt(DEVICES.size()));
            b.append("\tdevice {\n\t\tvendor \"").append(vp[0]).append("\"\n\t\tproduct \"").append(vp[1]).append("\"\n");
            if (vp.length > 2) {
                b.append("\t\trevision \"").append(vp[2]).append("\"\n");
            }
            section(b, r, Scope.DEVICE, "\t\t");
            b.append("\t}\n");
        }
        b.append("}\noverrides {\n");
        section(b, r, Scope.OVERRIDES, "\t");
        if (r.nextBoolean()) {
            b.append("\tprotocol {\n\t\ttype ").append(r.nextBoolean() ? "scsi:fcp" : "nvme:tcp").append('\n');
            section(b, r, Scope.PROTOCOL, "\t\t");
            b.append("\t}\n");
        }
        b.append("}\nmultipaths {\n");
        for (int m = 0; m < r.nextInt(3); m++) {
            b.append("\tmultipath {\n\t\twwid 36").append(r.nextInt(3)).append('\n');
            section(b, r, Scope.MULTIPATH, "\t\t");
            b.append("\t}\n");
        }
        b.append("}\n");
        return b.toString();
    }

    private static final List<String> REGEXES = List.of("\"^sd[a-z]\"", "\"!^3600\"", "\"ID_SERIAL\"",
            "\"scsi:fcp\"", "\".*\"", "\"(a|b)\"", "\"^sd[a-z]\"", "\"[[:digit:]]+\"");

    private static void blacklist(StringBuilder b, Random r) {
        for (String kw : List.of("devnode", "wwid", "property", "protocol")) {
            for (int i = 0; i < r.nextInt(3); i++) {
                b.append('\t').append(kw).append(' ').append(REGEXES.get(r.nextInt(REGEXES.size()))).append('\n');
            }
        }
        for (int i = 0; i < r.nextInt(3); i++) {
            b.append("\tdevice {\n");
            if (r.nextInt(4) > 0) {
                b.append("\t\tvendor \"V").append(r.nextInt(2)).append("\"\n");
            }
            if (r.nextInt(4) > 0) {
                b.append("\t\tproduct \"P").append(r.nextInt(2)).append("\"\n");
            }
            b.append("\t}\n");
        }
    }

    private static void section(StringBuilder b, Random r, Scope s, String indent) {
        for (Keyword k : Keywords.table().all()) {
            if (k.in(s) && r.nextInt(4) == 0 && !List.of("vendor", "product", "wwid", "type", "reservation_key")
                    .contains(k.name())) {
                b.append(indent).append(k.name()).append(' ').append(value(r)).append('\n');
            }
        }
    }

    private static String value(Random r) {
        return VALUES.get(r.nextInt(VALUES.size()));
    }
}
