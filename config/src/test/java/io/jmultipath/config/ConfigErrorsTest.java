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
        "defaults {|polling_interval 5|;multipath.conf:1: unbalanced braces: missing '}' for section 'defaults'",
        "defaults {|}|}|;multipath.conf:3: unbalanced braces: unmatched '}'",
        "defaults|polling_interval 5|;multipath.conf:1: missing '{' after 'defaults'",
        "devices {|device vendor|};multipath.conf:2: expecting '{' after 'device', found 'vendor'",
        "defaults {|alias_prefix \"abc|};multipath.conf:2: missing closing quotes",
        "defaults {|alias_prefix \"|};multipath.conf:2: missing closing quotes",
        "defaults {|{|};multipath.conf:2: invalid keyword '{'",
        "blacklist {|devnode \"[a\"|};multipath.conf:2: parsing failed: invalid regular expression '[a': Unclosed character class",
        "devices {|device {|vendor X|product_blacklist \"a{\"|}|};multipath.conf:4: parsing failed: invalid interval in 'a{'",
        "defaults {|reservation_key zz|};multipath.conf:2: parsing failed: invalid value for reservation_key: \"zz\"",
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
        assertEquals("10-bad.conf:3: unbalanced braces: missing '}' for section 'blacklist'", e.getMessage());
    }

    @Test
    void nestedUnknownBlockIsSkippedWhole() throws Exception {
        // multipath-tools would let the inner '}' close "defaults" (and then ignore polling_interval);
        // jmultipath skips the unknown block as a unit and warns.
        LoadResult r = ConfigLoader.parse("defaults {\n nested {\n  x y\n }\n polling_interval 8\n}\n", "m.conf");
        assertEquals("8", r.config().defaults("polling_interval").value());
        assertTrue(r.warnings().get(0).toString().startsWith("m.conf:2: invalid keyword in the defaults section"));
    }

    @Test
    void missingMainFileMeansBuiltins(@TempDir Path dir) throws Exception {
        LoadResult r = ConfigLoader.load(dir.resolve("absent.conf"), dir.resolve("absent.d"));
        assertEquals(Config.builtin().showConfig(), r.config().showConfig());
        assertTrue(r.warnings().isEmpty());
    }
}
