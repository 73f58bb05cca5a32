package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ports multipath-tools tests/parser.c (0.9.4): token vectors and the value set_value picks. */
class TokenizerTest {
    private static String tokens(String line) {
        return Tokenizer.tokenize(line).stream().map(Tokenizer.Token::toString).collect(Collectors.joining("|"));
    }

    /** set_value + validate through a one-line config; the stored uid_attribute value. */
    private static String value(String line) throws Exception {
        LoadResult r = ConfigLoader.parse("defaults {\n" + line.replaceFirst("^key(word)?", "uid_attribute") + "\n}\n",
                "t.conf");
        return r.config().defaults("uid_attribute").value();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        // 01-07: bare words, whitespace, comments, extra words
        "keyword value;keyword|value;value",
        "keyword \"value\";keyword|<QUOTE>|value|<QUOTE>;value",
        "`keyword \t   value   \t    `;keyword|value;value",
        "keyword \t   value   \t ! comment  ;keyword|value;value",
        "keyword \t   value   # comment  ;keyword|value;value",
        "keyword \t   value   more  ;keyword|value|more;value",
        // 08-11: quoted strings keep whitespace, '#' and '!' are literal inside quotes
        "keyword \t \"  value   more  \";keyword|<QUOTE>|  value   more  |<QUOTE>;`  value   more  `",
        "keyword \"value # more\";keyword|<QUOTE>|value # more|<QUOTE>;value # more",
        "keyword \"value ! more\";keyword|<QUOTE>|value ! more|<QUOTE>;value ! more",
        "keyword\"value comment\";keyword|<QUOTE>|value comment|<QUOTE>;value comment",
        // 12-14: quote glued to a word, extra quoted words, several quoted strings
        "key\"word\";key|<QUOTE>|word|<QUOTE>;word",
        "keyword value \"quoted\";keyword|value|<QUOTE>|quoted|<QUOTE>;value",
        "keyword \"value \"  comment\"\";keyword|<QUOTE>|value |<QUOTE>|comment|<QUOTE>|<QUOTE>;`value `",
        // 16-18: "" inside quotes is a literal quote
        "keyword \"2.5\"\" SSD\";keyword|<QUOTE>|2.5\" SSD|<QUOTE>;2.5\" SSD",
        "keyword \"\"\"\"\" is empty\";keyword|<QUOTE>|\"\" is empty|<QUOTE>;\"\" is empty",
        "keyword \"\"\"\";keyword|<QUOTE>|\"|<QUOTE>;\"",
        // 19-20: comment characters at the start of a quoted value
        "key \"!value\";key|<QUOTE>|!value|<QUOTE>;!value",
        "key \"#value\";key|<QUOTE>|#value|<QUOTE>;#value",
        // braces are tokens of their own outside quotes, words inside quotes
        "devices{;devices|{;",
        "key \"a{b}c\";key|<QUOTE>|a{b}c|<QUOTE>;a{b}c",
        "keyword \"\";keyword|<QUOTE>|<QUOTE>;",
    })
    void tokenizesLikeParserC(String line, String expectedTokens, String expectedValue) throws Exception {
        assertEquals(expectedTokens, tokens(line));
        if (!line.startsWith("devices")) {
            assertEquals(expectedValue == null ? "" : expectedValue, value(line));
        }
    }

    @Test
    void blankAndCommentLinesHaveNoTokens() {
        for (String s : List.of("", "   \t ", "# comment", "   ! bang", "!", "#\"unterminated")) {
            assertTrue(Tokenizer.tokenize(s).isEmpty(), s);
        }
    }

    @Test
    void nonAsciiOutsideQuotesIsWhitespace() {
        assertEquals("keyword|value", tokens("keyword\u00a0value"));
        assertEquals("keyword|<QUOTE>|v\u00e9|<QUOTE>", tokens("keyword \"v\u00e9\""));
    }

    @Test
    void extraDataIsIgnoredWithWarning() throws Exception {
        LoadResult r = ConfigLoader.parse("defaults {\n\tpolling_interval 7 8 9\n}\n", "x.conf");
        assertEquals("7", r.config().defaults("polling_interval").value());
        assertEquals("x.conf:2: ignoring extra data starting with '8'", r.warnings().get(0).toString());
    }
}
