package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sanity of THE keyword table. */
class KeywordTableTest {
    private final Keywords t = Keywords.table();

    @Test
    void printPositionsAreUniquePerScope() {
        for (Scope s : Scope.values()) {
            Set<Integer> seen = new HashSet<>();
            for (Keyword k : t.all()) {
                if (k.in(s) && s != Scope.OVERRIDES) {
                    assertTrue(seen.add(k.positions().get(s)), s + " position clash at " + k.name());
                }
            }
        }
    }

    @Test
    void defaultsPrintOrderIsMultipathToolsOrder() throws Exception {
        String golden = OracleCases.expected("02-defaults-basic");
        List<String> printed = golden.lines().takeWhile(l -> !l.equals("}")).skip(1)
                .map(l -> l.trim().split(" ")[0]).toList();
        List<String> ours = t.printOrder(Scope.DEFAULTS).stream().map(Keyword::name).filter(printed::contains).toList();
        assertEquals(printed, ours);
    }

    @Test
    void everyBuiltinDeviceKeywordIsInTheTable() {
        for (HwEntry h : Config.builtin().hwtable()) {
            for (String k : h.values().keySet()) {
                assertTrue(t.find(k, Scope.DEVICE).isPresent(), k);
            }
        }
        assertEquals(123, Config.builtin().hwtable().size());
    }

    @Test
    void checkerIsAnAliasOfPathChecker() throws Exception {
        Config c = ConfigLoader.parse("defaults {\n checker directio\n}\n", "m.conf").config();
        assertEquals("directio", c.defaults("path_checker").value());
        assertTrue(c.showConfig().contains("\tpath_checker \"directio\"\n"));
        assertTrue(!c.showConfig().contains("\tchecker "));
    }

    /** Every keyword multipath.conf(5) of 0.9.4 marks "(Deprecated)" is accepted with a file:line warning. */
    @Test
    void deprecatedKeywordsOfTheManPageWarn() throws Exception {
        List<String> deprecated = List.of("multipath_dir", "pg_timeout", "getuid_callout", "bindings_file",
                "wwids_file", "prkeys_file", "config_dir", "delay_watch_checks", "delay_wait_checks",
                "disable_changed_wwids");
        StringBuilder b = new StringBuilder("defaults {\n");
        deprecated.forEach(k -> b.append('\t').append(k).append(" /x\n"));
        b.append("}\n");
        LoadResult r = ConfigLoader.parse(b.toString(), "/etc/multipath.conf");
        for (int i = 0; i < deprecated.size(); i++) {
            String prefix = "/etc/multipath.conf:" + (i + 2) + ": ";
            String kw = deprecated.get(i);
            assertTrue(r.warnings().stream().map(ConfigWarning::toString)
                    .anyMatch(w -> w.startsWith(prefix) && w.contains("\"" + kw + "\"") && w.contains("deprecated")),
                    kw + " " + r.warnings());
        }
    }
}
