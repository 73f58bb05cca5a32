package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Structural errors are ConfigException "file:line: what"; bad keywords/values are warnings. */
class ConfigErrorsTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
        "defaults {|polling_interval 5|;/etc/multipath.conf:1: unbalanced braces: missing '}' for section 'defaults'",
        "defaults {|}|}|;/etc/multipath.conf:3: unbalanced braces: unmatched '}'",
        "defaults|polling_interval 5|;/etc/multipath.conf:1: missing '{' after 'defaults'",
        "devices {|device vendor|};/etc/multipath.conf:2: expecting '{' after 'device', found 'vendor'",
        "defaults {|alias_prefix \"abc|};/etc/multipath.conf:2: missing closing quotes",
        "defaults {|alias_prefix \"|};/etc/multipath.conf:2: missing closing quotes",
        "defaults {|{|};/etc/multipath.conf:2: invalid keyword '{'",
        "blacklist {|devnode \"[a\"|};/etc/multipath.conf:2: parsing failed: invalid regular expression '[a': Unclosed character class",
        "devices {|device {|vendor X|product_blacklist \"a{\"|}|};/etc/multipath.conf:4: parsing failed: invalid interval in 'a{'",
        "defaults {|reservation_key zz|};/etc/multipath.conf:2: parsing failed: invalid value for reservation_key: \"zz\"",
    })
    void structuralErrors(String text, String message) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(text.replace('|', '\n'), "/etc/multipath.conf"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void warningsCarryFileAndLine() throws Exception {
        LoadResult r = ConfigLoader.parse("""
                defaults {
                	no_such_keyword 1
                	polling_interval abc
                	pg_timeout 10
                	verbosity 7
                }
                devices {
                	device {
                		product "X"
                	}
                }
                """, "/etc/multipath.conf");
        List<String> w = r.warnings().stream().map(ConfigWarning::toString).toList();
        assertEquals(List.of(
                "/etc/multipath.conf:2: invalid keyword in the defaults section: no_such_keyword",
                "/etc/multipath.conf:3: invalid value for polling_interval: \"abc\"",
                "/etc/multipath.conf:4: ignoring deprecated option \"pg_timeout\"",
                "/etc/multipath.conf:5: value for verbosity too large, capping at 4",
                "/etc/multipath.conf:8: device config in /etc/multipath.conf missing vendor or product parameter"), w);
        assertEquals("4", r.config().defaults("verbosity").value());
    }

    @Test
    void confDirErrorNamesTheDropIn(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("multipath.conf");
        Files.writeString(main, "defaults {\n}\n");
        Path confd = Files.createDirectory(dir.resolve("conf.d"));
        Files.writeString(confd.resolve("10-bad.conf"), "\n\nblacklist {\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(main, confd));
        assertEquals(confd.resolve("10-bad.conf") + ":3: unbalanced braces: missing '}' for section 'blacklist'",
                e.getMessage());
    }

    @Test
    void nestedUnknownBlockClosesTheSectionLikeC() throws Exception {
        // process_stream: "nested {" opens nothing, its '}' closes "defaults", so polling_interval
        // is read at the top level (invalid there) and the last '}' is unmatched; the text itself
        // balances, so these are warnings, as in multipath-tools.
        LoadResult r = ConfigLoader.parse("defaults {\n nested {\n  x y\n }\n polling_interval 8\n}\n", "m.conf");
        assertEquals("5", r.config().defaults("polling_interval").value());
        assertEquals(List.of("m.conf:2: invalid keyword in the defaults section: nested",
                "m.conf:3: invalid keyword in the defaults section: x",
                "m.conf:5: invalid keyword: polling_interval",
                "m.conf:6: unmatched '}' (an earlier unknown section or ignored '}' closed this level)"),
                r.warnings().stream().map(ConfigWarning::toString).toList());
    }

    @Test
    void braceAsExtraDataLeavesTheSectionOpenLikeC() throws Exception {
        // "defaults { verbosity 3 }": C ignores everything after '{', so "defaults" stays open
        // and swallows the next section; the text balances, so it is read that way with warnings.
        LoadResult r = ConfigLoader.parse("defaults { verbosity 3 }\ndevices { device { vendor A product B } }\n",
                "/etc/multipath.conf");
        assertEquals("2", r.config().defaults("verbosity").value());
        assertEquals(List.of("/etc/multipath.conf:1: ignoring extra data starting with 'verbosity'",
                "/etc/multipath.conf:2: ignoring extra data starting with 'device'",
                "/etc/multipath.conf:2: invalid keyword in the defaults section: devices",
                "/etc/multipath.conf:2: missing '}' at end of file for section 'defaults' opened on line 1"
                        + " (a '}' that is not first on its line is ignored)"),
                r.warnings().stream().map(ConfigWarning::toString).toList());
    }

    @Test
    void deprecatedKeywordsWarnOncePerLoad() throws Exception {
        LoadResult r = ConfigLoader.parseAll(List.of(
                new ConfigLoader.Source("/etc/multipath.conf", "defaults {\n pg_timeout 1\n}\n"),
                new ConfigLoader.Source("/etc/multipath/conf.d/a.conf",
                        "devices {\n device {\n vendor a\n product b\n pg_timeout 2\n getuid_callout x\n }\n}\n")));
        assertEquals(List.of("/etc/multipath.conf:2: ignoring deprecated option \"pg_timeout\"",
                "/etc/multipath/conf.d/a.conf:6: ignoring deprecated option \"getuid_callout\""),
                r.warnings().stream().map(ConfigWarning::toString).toList());
    }

    @Test
    void partitionDelimiterWithSlashIsWarnedAndIgnored() throws Exception {
        // multipath-tools 0.9.4 crashes on this (strcmp on the NULL the noslash handler leaves)
        LoadResult r = ConfigLoader.parse("defaults {\n partition_delimiter /p\n}\n", "/etc/multipath.conf");
        assertEquals(List.of("/etc/multipath.conf:2: /p cannot contain a slash. Ignoring"),
                r.warnings().stream().map(ConfigWarning::toString).toList());
        assertEquals(Config.builtin().showConfig(), r.config().showConfig());
    }

    @Test
    void nulByteEndsTheLine() throws Exception {
        // fgets keeps reading to the newline, but the C string (and so the line) ends at the NUL
        LoadResult r = ConfigLoader.parse("defaults {\n polling_interval 7\0 junk\n verbosity\0 3\n}\n", "m.conf");
        assertEquals("7", r.config().defaults("polling_interval").value());
        assertEquals(List.of("m.conf:3: missing value for option 'verbosity'"),
                r.warnings().stream().map(ConfigWarning::toString).toList());
    }

    @Test
    void uidAndGidTakeUserNamesFromPasswd() {
        String passwd = "root:x:0:0:root:/root:/bin/bash\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
        assertEquals(2, Passwd.find(passwd, "bin").orElseThrow()[1]);
        assertEquals(65534, Passwd.find(passwd, "nobody").orElseThrow()[0]);
        assertTrue(Passwd.find(passwd, "bi").isEmpty());
        assertTrue(Passwd.find(passwd, "").isEmpty());
    }

    @Test
    void missingMainFileMeansBuiltins(@TempDir Path dir) throws Exception {
        LoadResult r = ConfigLoader.load(dir.resolve("absent.conf"), dir.resolve("absent.d"));
        assertEquals(Config.builtin().showConfig(), r.config().showConfig());
        assertTrue(r.warnings().isEmpty());
    }
}
