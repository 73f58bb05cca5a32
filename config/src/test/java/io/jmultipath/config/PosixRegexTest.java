package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POSIX ERE (glibc regcomp REG_EXTENDED) semantics on top of java.util.regex. */
class PosixRegexTest {
    @ParameterizedTest(name = "/{0}/ on {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        "[[:digit:]]+;abc123;true",
        "[[:digit:]]+;abc;false",
        "^[[:alpha:]][[:alnum:]_]*$;a_1;true",
        "[[:space:]];a b;true",
        "[[:upper:][:digit:]];x9;true",
        "[]a];];true",
        "[^]a];];false",
        "[a\\]+;\\;true",
        "[a[]; [;true",
        "[a&&b];&;true",
        "[a-];-;true",
        "[[:xdigit:]]{4};00fF;true",
        "a{,2};b;true",
        "a{1,}b;xab;true",
        "\\d;d;true",
        "\\d;5;false",
        "\\n;n;true",
        "\\.;x;false",
        "x\\w;x_;true",
        "a\\>;ab;false",
        "a\\>;a-;true",
        "[\\d];\\;true",
        "a||b;zzz;true",
        "^(sd[a-z]|dasd[a-z]|nvme[0-9]);nvme0n1;true",
        "HSV1[01]1|HSV2[01]0;HSV210;true",
        "^DGC;xDGC;false",
        "LUN;NETAPP LUN Z;true",
        "[.];a;false",
        "[[.-.]];-;true",
    })
    void matches(String ere, String input, boolean expected) {
        assertEquals(expected, PosixRegex.compile(ere).matcher(input.strip().isEmpty() ? input : input.strip()).find());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"[[:digit:]];[0-9]", "[]a];[\\]a]", "a{,3};a{0,3}", "[a\\];[a\\\\]", "\\d;d"})
    void translates(String ere, String java) {
        assertEquals(java, PosixRegex.translate(ere));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"[[:bogus:]]", "(a", "[abc", "a{", "{1}", "a{x}", "a{1", "*abc", "+a"})
    void rejectsInvalid(String ere) {
        assertThrows(IllegalArgumentException.class, () -> PosixRegex.compile(ere));
    }
}
