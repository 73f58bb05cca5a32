package io.jmultipath.daemon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "show paths|LIST_PATHS",
        "list paths|LIST_PATHS",
        "sho paths|LIST_PATHS",
        "disable maps|DISABLEQ_MAPS",
        "rest map x|RESTOREQ_MAP",
        "show maps|LIST_MAPS",
        "show multipaths status|LIST_MAPS_STATUS",
        "show topology|LIST_TOPOLOGY",
        "show maps topology|LIST_MAPS_TOPOLOGY",
        "show map mpatha topology|LIST_MAP_TOPOLOGY",
        "show multipath mpatha json|LIST_MAP_JSON",
        "show paths raw format %d|LIST_PATHS_RAW_FMT",
        "switchgroup map mpatha group 2|SWITCH_GROUP",
        "switch map mpatha group 2|SWITCH_GROUP",
        "del map mpatha|DEL_MAP",
        "remove path sdb|DEL_PATH",
        "fail path sdb|FAIL_PATH",
        "reinstate path sdb|REINSTATE_PATH",
        "reconfigure|RECONFIGURE_CMD",
        "reconfigure all|RECONFIGURE_ALL",
        "disablequeueing maps|DISABLEQ_MAPS",
        "restorequeueing daemon|RESTOREQ_DAEMON",
        "forcequeueing daemon|FORCEQ_DAEMON",
        "show daemon|LIST_DAEMON",
        "show status|LIST_STATUS",
        "show config local|LIST_CONFIG_LOCAL",
        "quit|QUIT_CMD",
        "exit|QUIT_CMD",
        "shutdown|SHUTDOWN_CMD",
        "setprkey map mpatha key 0x12|SETPRKEY_MAP_KEY",
        "setprstatus map mpatha pathlist sdb,sdc|SETPRSTATUS_MAP_PATHLIST",
    })
    void recognises(String line, CliCommand expected) throws Exception {
        assertEquals(expected, CliParser.parse(line).command());
    }

    @Test
    void parametersAndQuoting() throws Exception {
        ParsedCommand c = CliParser.parse("show paths format \"%d %t \"\"x\"\"\"");
        assertEquals("%d %t \"x\"", c.require(CliKeyword.FORMAT));
        ParsedCommand g = CliParser.parse("switchgroup map \"my map\" group 2");
        assertEquals("my map", g.require(CliKeyword.MAP));
        assertEquals("2", g.require(CliKeyword.GROUP));
        assertEquals(List.of("a", "b c", "d"), CliTokenizer.tokenize("  a \"b c\"\td # comment"));
    }

    @Test
    void ambiguousAndUnknownAreNotFound() {
        CliParseException e = assertThrows(CliParseException.class, () -> CliParser.parse("sh paths"));
        assertEquals(CliParseException.Kind.NOT_FOUND, e.kind());
        assertEquals(CliParseException.Kind.NOT_FOUND,
                assertThrows(CliParseException.class, () -> CliParser.parse("show bogus")).kind());
        // "pat" is ambiguous: path, paths, pathlist
        assertEquals(CliParseException.Kind.NOT_FOUND,
                assertThrows(CliParseException.class, () -> CliParser.parse("show pat")).kind());
        // "re" is ambiguous: remove, reset, reconfigure, resume ...
        assertEquals(CliParseException.Kind.NOT_FOUND,
                assertThrows(CliParseException.class, () -> CliParser.parse("re map x")).kind());
    }

    @Test
    void missingParameterAndUnknownCombinationAreInvalid() {
        assertEquals(CliParseException.Kind.INVALID,
                assertThrows(CliParseException.class, () -> CliParser.parse("show map")).kind());
        assertEquals(CliParseException.Kind.INVALID,
                assertThrows(CliParseException.class, () -> CliParser.parse("show map mpatha")).kind());
        assertEquals(CliParseException.Kind.INVALID,
                assertThrows(CliParseException.class, () -> CliParser.parse("show paths maps topology status")).kind());
        assertEquals(CliParseException.Kind.INVALID,
                assertThrows(CliParseException.class, () -> CliParser.parse("")).kind());
    }

    @Test
    void everyCommandRoundTripsThroughItsHelpLine() throws Exception {
        assertEquals(61, CliCommand.values().length);
        for (CliCommand c : CliCommand.values()) {
            StringBuilder line = new StringBuilder();
            for (CliKeyword k : c.keywords()) {
                line.append(k.words().get(k.words().size() - 1)).append(' ');
                if (k.hasParam()) {
                    line.append("x ");
                }
            }
            assertEquals(c, CliParser.parse(line.toString()).command(), line.toString());
        }
    }

    @Test
    void helpTextLooksLikeMultipathd() {
        String h = HelpText.forError("sh", CliParseException.Kind.NOT_FOUND);
        assertTrue(h.startsWith("sh: not found\nmultipath-tools v0.9.4 (12/19, 2022)\nCLI commands reference:\n list|show paths\n"), h);
        assertTrue(h.contains("\n list|show map|multipath $map topology\n"), h);
        assertTrue(h.contains("\n switch|switchgroup map|multipath $map group $group\n"), h);
        assertTrue(h.contains("\n quit|exit\n"), h);
    }
}
