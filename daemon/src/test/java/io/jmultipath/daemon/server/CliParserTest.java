package io.jmultipath.daemon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        "li paths|LIST_PATHS",
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
        "switchg map mpatha group 2|SWITCH_GROUP",
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
        "unsetmarginal map mpatha|UNSETMARGINAL_MAP",
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
        assertEquals(List.of("show", "map", "{", "x", "}"), CliTokenizer.tokenize("show map {x}"));
        assertEquals("sdb", CliParser.parse("show path \"sdb\"").require(CliKeyword.PATH));
    }

    private static CliParseException.Kind kind(String line) {
        return assertThrows(CliParseException.class, () -> CliParser.parse(line), line).kind();
    }

    /** get_cmdvec: an unknown word is ESRCH when it is the last token, ENOENT before that. */
    @Test
    void unknownLastWordIsNotFoundElsewhereNoEntry() {
        assertEquals(CliParseException.Kind.NOT_FOUND, kind("show bogus"));
        assertEquals(CliParseException.Kind.NOT_FOUND, kind("bogus"));
        assertEquals(CliParseException.Kind.NO_ENTRY, kind("bogus paths"));
        assertEquals(CliParseException.Kind.NO_ENTRY, kind("show bogus topology"));
        // the closing quote token comes after the word, so it is not the last token
        assertEquals(CliParseException.Kind.NO_ENTRY, kind("show \"bogus\""));
        assertEquals(CliParseException.Kind.NOT_FOUND, kind("show \"bogus"));
    }

    /** find_key: a second abbreviation match is ambiguous, even between spellings of one keyword. */
    @Test
    void ambiguousAbbreviations() {
        assertEquals(CliParseException.Kind.NO_ENTRY, kind("sh paths"));      // show, shutdown
        assertEquals(CliParseException.Kind.NOT_FOUND, kind("show pa"));      // paths, path
        assertEquals(CliParseException.Kind.NOT_FOUND, kind("show ma"));      // maps, map
        assertEquals(CliParseException.Kind.NO_ENTRY, kind("re map x"));      // remove, resume, reset …
        assertEquals(CliParseException.Kind.NO_ENTRY, kind("sw map x group 1"));   // switch, switchgroup
        assertEquals(CliParseException.Kind.NOT_FOUND, kind("show multi"));   // multipaths, multipath
        assertEquals(CliParseException.Kind.NOT_FOUND, kind("show stat"));    // status, stats
        assertTrue(CliKeyword.lookup("map").isPresent(), "an exact spelling wins over longer ones");
        assertEquals(CliKeyword.MAP, CliKeyword.lookup("multipath").orElseThrow());
    }

    @Test
    void missingParameterTooManyKeywordsAndUnknownCombinationAreInvalid() {
        assertEquals(CliParseException.Kind.INVALID, kind("show map"));
        assertEquals(CliParseException.Kind.INVALID, kind("show map mpatha"));
        assertEquals(CliParseException.Kind.INVALID, kind("show paths maps topology status"));
        assertEquals(CliParseException.Kind.INVALID, kind("show show"));
        assertEquals(CliParseException.Kind.INVALID, kind("\""));
    }

    /** alloc_strvec returns NULL for a blank or comment line: multipathd answers ENOMEM's text. */
    @Test
    void blankAndCommentLinesAreNoMemory() {
        assertEquals(CliParseException.Kind.NO_MEMORY, kind(""));
        assertEquals(CliParseException.Kind.NO_MEMORY, kind("   \t"));
        assertEquals(CliParseException.Kind.NO_MEMORY, kind("# show paths"));
        assertTrue(HelpText.forError("", CliParseException.Kind.NO_MEMORY).startsWith(": Not enough memory\n"));
    }

    @Test
    void everyCommandRoundTripsThroughItsHelpLine() throws Exception {
        assertEquals(61, CliCommand.values().length);
        assertEquals(56, java.util.Arrays.stream(CliCommand.values()).filter(CliCommand::inMultipathd094).count());
        for (CliCommand c : CliCommand.values()) {
            StringBuilder line = new StringBuilder();
            for (CliKeyword k : c.keywords()) {
                List<String> sp = k.spellings();
                line.append(sp.get(sp.size() - 1)).append(' ');
                if (k.hasParam()) {
                    line.append("x ");
                }
            }
            assertEquals(c, CliParser.parse(line.toString()).command(), line.toString());
        }
    }

    /**
     * The help dump, byte for byte. The golden file was generated from Debian's multipathd 0.9.4
     * binary: its key vector (cli.c load_keys) and handler registrations (callbacks.c) read from the
     * disassembled add_key / set_handler_callback calls, printed with do_genhelp's rules.
     */
    @Test
    void helpTextIsMultipathd094s() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/cli/multipathd-0.9.4-help.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(golden, HelpText.reference());
        assertEquals("show bogus: not found\n" + golden, HelpText.forError("show bogus", CliParseException.Kind.NOT_FOUND));
        assertEquals("show map: Missing argument\n" + golden, HelpText.forError("show map", CliParseException.Kind.INVALID));
    }
}
