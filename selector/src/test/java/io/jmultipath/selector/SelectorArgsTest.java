package io.jmultipath.selector;

import static io.jmultipath.selector.ScenarioSupport.selector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Table arg rules: SelectorSpec parsing, per-path arg counts/values, multipath-tools' args. */
class SelectorArgsTest {

    @Test
    void specParseAndTableForm() {
        SelectorSpec s = SelectorSpec.parse("service-time 0");
        assertEquals("service-time", s.name());
        assertEquals(List.of(), s.args());
        assertEquals("service-time 0", s.tableForm());
        SelectorSpec h = SelectorSpec.parse("  historical-service-time 2 972 1 ");
        assertEquals(List.of("972", "1"), h.args());
        assertEquals("historical-service-time 2 972 1", h.tableForm());
    }

    @Test
    void consumeFromTableTokens() {
        List<String> tokens = List.of("0", "0", "2", "1", "round-robin", "0", "1", "1", "8:16", "1",
                "historical-service-time", "1", "900", "1", "1", "8:32", "1");
        SelectorSpec.Consumed c = SelectorSpec.consume(tokens, 4);
        assertEquals(new SelectorSpec("round-robin", List.of()), c.spec());
        assertEquals(6, c.next());
        SelectorSpec.Consumed d = SelectorSpec.consume(tokens, 10);
        assertEquals("historical-service-time 1 900", d.spec().tableForm());
        assertEquals(13, d.next());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "round-robin|invalid number of path selector args",
        "round-robin x|invalid number of path selector args",
        "round-robin -1|invalid number of path selector args",
        "round-robin 2 a|invalid number of path selector args",
        "round-robin 1025|invalid number of path selector args",
        "round-robin 1 a b|path selector 'round-robin 1 a b': unexpected text after the declared arguments: 'b'"})
    void badSpecs(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> SelectorSpec.parse(text)).getMessage());
    }

    @Test
    void unknownSelector() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathSelectors.create(SelectorSpec.parse("io-affinity 0")));
        assertEquals("unknown path selector type", e.getMessage());
        assertEquals(List.of("historical-service-time", "queue-length", "round-robin", "service-time"),
                PathSelectors.names());
    }

    /** Per-path args: count limits and values, with the kernel's *error texts. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "round-robin|1 1|round-robin ps: incorrect number of arguments",
        "round-robin|x|round-robin ps: invalid repeat count",
        "round-robin|-1|round-robin ps: invalid repeat count",
        "round-robin|+1|round-robin ps: invalid repeat count",
        "round-robin|1x|round-robin ps: invalid repeat count",
        "queue-length|1 1|queue-length ps: incorrect number of arguments",
        "queue-length|0x10|queue-length ps: invalid repeat count",
        "service-time|1 1 1|service-time ps: incorrect number of arguments",
        "service-time|a 1|service-time ps: invalid repeat count",
        "service-time|1 101|service-time ps: invalid relative_throughput value",
        "service-time|1 -1|service-time ps: invalid relative_throughput value",
        "historical-service-time|1 1|historical-service-time ps: incorrect number of arguments",
        "historical-service-time|z|historical-service-time ps: invalid repeat count"})
    void badPathArgs(String name, String args, String message) {
        PathSelector ps = PathSelectors.create(new SelectorSpec(name, List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ps.addPath("8:16", List.of(args.split(" "))));
        assertEquals(message, e.getMessage());
    }

    /** Accepted per-path args and how the kernel prints them back (table) and in status. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "round-robin||1|''|1|0",
        "round-robin|0|0|''|1|0",
        "round-robin|4294967297|1|''|1|0",
        "queue-length|1000|1|0|1|1",
        "service-time||1 1|0 1|2|2",
        "service-time|1|1 1|0 1|2|2",
        "service-time|7 0|1 0|0 0|2|2",
        "service-time|1 100|1 100|0 100|2|2",
        "historical-service-time|5|0|1024 0 0|1|3"})
    void goodPathArgs(String name, String args, String table, String status, int tableCount, int statusCount) {
        PathSelector ps = PathSelectors.create(new SelectorSpec(name, List.of()));
        ps.addPath("8:16", args == null ? List.of() : List.of(args.split(" ")));
        assertEquals(table, ps.pathTableArgs("8:16"));
        assertEquals(status, ps.pathStatusArgs("8:16"));
        assertEquals(tableCount, ps.tableArgCount());
        assertEquals(statusCount, ps.statusArgCount());
        assertEquals(name.startsWith("historical") ? "2 972 0" : "0", ps.selectorArgs());
    }

    @Test
    void duplicateAndUnknownPaths() {
        PathSelector ps = selector("queue-length 0", "a");
        assertThrows(IllegalArgumentException.class, () -> ps.addPath("a", List.of()));
        assertThrows(IllegalArgumentException.class, () -> ps.startIo("zz", 1));
    }

    /** multipath-tools assemble_map: minio, times prio when rr_weight priorities and prio > 0. */
    @ParameterizedTest
    @CsvSource({
        "service-time,1,50,false,1",
        "service-time,1,50,true,50",
        "round-robin,10,3,true,30",
        "round-robin,1000,0,true,1000",
        "queue-length,1,-1,true,1"})
    void multipathToolsPathArgs(String name, int minio, int prio, boolean rrWeight, String expected) {
        assertEquals(List.of(expected), SelectorArgs.pathArgs(name, minio, prio, rrWeight));
    }

    /** multipath-tools disassemble_map: atoi(first arg), / prio only for round-robin. */
    @ParameterizedTest
    @CsvSource({
        "round-robin,30,3,true,10",
        "round-robin,30,3,false,30",
        "round-robin,30,0,true,30",
        "service-time,30,3,true,30",
        "queue-length,12abc,1,false,12",
        "queue-length,x,1,false,0"})
    void multipathToolsMinioReadBack(String name, String arg, int prio, boolean rrWeight, int expected) {
        assertEquals(expected, SelectorArgs.minioFromPathArg(name, arg, prio, rrWeight));
    }
}
