package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Systematic differential tests against the real {@code multipath -t}: (1) every keyword of every
 * scope set to the same awkward value, one config per value (numbers out of range, words of other
 * keywords, quoting, feature strings, octal/hex forms...); (2) every candidate keyword name in every
 * section, checking that exactly the same ones are rejected as invalid keywords.
 */
@Tag("root")
class MatrixOracleTest {
    private static Optional<String> why;

    @BeforeAll
    static void probe() {
        why = MultipathOracle.skipReason();
    }

    static Stream<String> values() {
        return Stream.of("yes", "no", "0", "1", "-1", "2", "\"\"", "\" \"", "off", "on", "fail", "queue", "manual",
                "immediate", "followover", "uniform", "priorities", "infinity", "failover", "multibus",
                "group_by_prio", "group_by_serial", "group_by_node_name", "group_by_tpg", "strict", "smart", "greedy",
                "once", "always", "never", "unused", "\"service-time 0\"", "\"round-robin 0\"", "\"queue-length 0\"",
                "\"historical-service-time 0\"", "\"1 queue_if_no_path\"", "\"2 pg_init_retries 50\"", "\"0\"",
                "\"1 alua\"", "\"1 emc\"", "tur", "directio", "alua", "const", "0644", "0777", "01000", "0x1234abcd",
                "0xABC:aptpl", "file", "hp3par", "scsi:fcp", "nvme:tcp", "\"sd:ID_SERIAL\"", "/etc/x", "mp",
                "\"a b c\"", "99999999999", "2147483647", "2147483648", "-2147483649", "07", "\" 8 \"", "\"8 \"", "+5",
                "5x", "0x10", "YES", "No", "max", "4294967295", "4294967296", "120", "4000", "3999", "fpin",
                "\"1 queue_if_no_path \"", "\"1  queue_if_no_path\"", "\"2 queue_if_no_path queue_mode bio\"",
                "\"3 queue_mode bio queue_if_no_path\"", "\"1 retain_attached_hw_handler\"", "\"2 queue_mode rq\"",
                "\"4 queue_if_no_path pg_init_retries 50 queue_if_no_path\"", "\"1 queue_if_no_path_x\"",
                "\"0 queue_if_no_path\"", "\"x\"", "\"1\"", "\"-1 a\"", "\"01 queue_if_no_path\"",
                "\"1 queue_if_no_path\" extra", "\"service-time\"", "\"service-time 0 1\"", "fOo", "\"/UNSET/\"",
                "\"a\"b", "\" yes\"", "1048575", "-0", "00", "\"0 \"", "\"sd:ID_SERIAL nvme\"", "\"   \"",
                "\"sd:ID_SERIAL  dasd:ID_UID\"", "-10", "0x", "0xg", "0x12345678901234567", "0x1234567890123456",
                "\"2 pg_init_retries\"", "\"1 pg_init_retries 50\"", "\"1 no_partitions\"", "\"a\"\"b\"");
    }

    /** Every keyword of the table in every scope it belongs to, set to {@code v}. */
    static String allKeywords(String v, boolean protocolTypeToo) {
        StringBuilder b = new StringBuilder();
        b.append("defaults {\n");
        section(b, Scope.DEFAULTS, v, "\t");
        b.append("}\ndevices {\n\tdevice {\n\t\tvendor \"VV\"\n\t\tproduct \"PP\"\n");
        section(b, Scope.DEVICE, v, "\t\t");
        // a second entry with the exact strings of a built-in one: merged into it
        b.append("\t}\n\tdevice {\n\t\tvendor \"NETAPP\"\n\t\tproduct \"LUN\"\n");
        section(b, Scope.DEVICE, v, "\t\t");
        b.append("\t}\n}\noverrides {\n");
        section(b, Scope.OVERRIDES, v, "\t");
        b.append("\tprotocol {\n\t\ttype ").append(protocolTypeToo ? v : "scsi:fcp").append('\n');
        section(b, Scope.PROTOCOL, v, "\t\t");
        b.append("\t}\n}\nmultipaths {\n\tmultipath {\n\t\twwid 3600a\n");
        section(b, Scope.MULTIPATH, v, "\t\t");
        b.append("\t}\n}\n");
        return b.toString();
    }

    private static void section(StringBuilder b, Scope s, String v, String indent) {
        for (Keyword k : Keywords.table().all()) {
            if (!k.in(s) || List.of("vendor", "product", "revision", "wwid", "type").contains(k.name())) {
                continue;
            }
            // reservation_key: an invalid key fails the whole load (both sides; ConfigErrorsTest);
            // partition_delimiter with '/': multipath-tools 0.9.4 segfaults
            if (k.name().equals("reservation_key") || k.name().equals("partition_delimiter") && v.contains("/")) {
                continue;
            }
            b.append(indent).append(k.name()).append(' ').append(v).append('\n');
        }
    }

    @ParameterizedTest
    @MethodSource("values")
    void everyKeywordSetTo(String value, @TempDir Path dir) throws Exception {
        assumeTrue(why.isEmpty(), () -> "multipath -t oracle skipped: " + why.orElse(""));
        String text = allKeywords(value, value.length() % 2 == 0);
        Files.writeString(dir.resolve("multipath.conf"), text, java.nio.charset.StandardCharsets.ISO_8859_1);
        MultipathOracle.Result real = MultipathOracle.runFull(dir);
        assertEquals(false, real.crashed(), "multipath -t crashed (" + real.rc() + ") on\n" + text);
        if (real.rc() != 0) {
            // the C load failed (e.g. an invalid regular expression): no output, and an error here
            assertEquals("", real.out());
            assertThrows(ConfigException.class, () -> ConfigLoader.parse(text, "/etc/multipath.conf"), text);
            return;
        }
        String ours = ConfigLoader.parse(text, "/etc/multipath.conf").config().showConfig();
        keep("matrix-" + Integer.toHexString(value.hashCode()), text, real.out(), ours);
        assertEquals(real.out(), ours, "value " + value);
    }

    /** Keyword names to try in every section: the table, what multipath -t prints, and later/other names. */
    static List<String> candidates() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        Keywords.table().all().forEach(k -> names.add(k.name()));
        for (String l : Config.builtin().showConfig().split("\n")) {
            String w = l.trim().split(" ")[0];
            if (w.matches("[a-z_]+")) {
                names.add(w);
            }
        }
        // keywords of later releases (0.9.5 .. 0.14) and plausible misspellings: invalid in 0.9.4
        names.addAll(List.of("detect_pgpolicy", "detect_pgpolicy_use_tpg", "auto_resize", "max_retries",
                "purge_disconnected", "checker_name", "pgpolicy", "pg_policy", "selector", "hwhandler", "prio_name",
                "no_path_retries", "user_friendly_name", "blacklist_exception", "exceptions", "protocols", "devnodes",
                "sysfs", "path_selectors", "alias_prefixes", "vendor_id", "product_id"));
        names.removeAll(List.of("vendor", "product", "wwid", "type", "defaults", "blacklist", "blacklist_exceptions",
                "devices", "device", "overrides", "protocol", "multipaths", "multipath"));
        return new ArrayList<>(names);
    }

    @ParameterizedTest
    @EnumSource(Scope.class)
    void sameKeywordsAreInvalidInEachSection(Scope scope, @TempDir Path dir) throws Exception {
        assumeTrue(why.isEmpty(), () -> "multipath -t oracle skipped: " + why.orElse(""));
        String open = switch (scope) {
            case DEFAULTS -> "defaults {\n";
            case DEVICE -> "devices {\n\tdevice {\n\t\tvendor \"ZZ\"\n\t\tproduct \"QQ\"\n";
            case OVERRIDES -> "overrides {\n";
            case PROTOCOL -> "overrides {\n\tprotocol {\n\t\ttype \"scsi:fcp\"\n";
            case MULTIPATH -> "multipaths {\n\tmultipath {\n\t\twwid \"3600abc\"\n";
        };
        StringBuilder b = new StringBuilder(open);
        TreeMap<Integer, String> lineOf = new TreeMap<>();
        int line = (int) open.chars().filter(c -> c == '\n').count();
        for (String k : candidates()) {
            b.append("\t\t").append(k).append(" 1\n");
            lineOf.put(++line, k);
        }
        b.append(scope == Scope.DEFAULTS || scope == Scope.OVERRIDES ? "}\n" : "\t}\n}\n");
        Files.writeString(dir.resolve("multipath.conf"), b.toString());
        MultipathOracle.Result real = MultipathOracle.runFull(dir);
        SortedSet<Integer> realInvalid = MultipathOracle.invalidKeywordLines(real.err());
        SortedSet<Integer> ours = new TreeSet<>();
        for (ConfigWarning w : ConfigLoader.parse(b.toString(), "/etc/multipath.conf").warnings()) {
            if (w.message().startsWith("invalid keyword")) {
                ours.add(w.line());
            }
        }
        assertEquals(names(realInvalid, lineOf), names(ours, lineOf), scope + ": keywords rejected as invalid");
        String out = ConfigLoader.parse(b.toString(), "/etc/multipath.conf").config().showConfig();
        keep("scope-" + scope, b.toString(), real.out(), out);
        assertEquals(real.out(), out);
    }

    /** On a difference, keeps the config and both outputs in the build directory's oracle-actual. */
    private static void keep(String name, String text, String real, String ours) throws java.io.IOException {
        if (!real.equals(ours)) {
            Path d = Files.createDirectories(OracleCases.actualDir().resolve(name));
            Files.writeString(d.resolve("multipath.conf"), text, java.nio.charset.StandardCharsets.ISO_8859_1);
            Files.writeString(d.resolve("real.txt"), real, java.nio.charset.StandardCharsets.ISO_8859_1);
            Files.writeString(d.resolve("ours.txt"), ours, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private static List<String> names(SortedSet<Integer> lines, TreeMap<Integer, String> lineOf) {
        return lines.stream().map(lineOf::get).toList();
    }
}
