package io.jmultipath.daemon.names;

import io.jmultipath.daemon.testing.FakeSan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BindingsFileTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"1,mpatha", "26,mpathz", "27,mpathaa", "52,mpathaz", "53,mpathba", "702,mpathzz", "703,mpathaaa",
            "18278,mpathzzz", "2147483647,mpathfxshrxw"})
    void bijectiveBase26(int id, String name) {
        assertEquals(name, FriendlyNames.format("mpath", id));
        assertEquals(OptionalInt.of(id), FriendlyNames.scan("mpath", name));
    }

    @Test
    void scanRejectsOtherNames() {
        assertEquals(OptionalInt.empty(), FriendlyNames.scan("mpath", "mpath"));
        assertEquals(OptionalInt.empty(), FriendlyNames.scan("mpath", "mpathA"));
        assertEquals(OptionalInt.empty(), FriendlyNames.scan("mpath", "mpath1"));
        assertEquals(OptionalInt.empty(), FriendlyNames.scan("mpath", "data"));
        assertEquals(OptionalInt.empty(), FriendlyNames.scan("mpath", "mpathfxshrxx"), "overflow");
    }

    private BindingsFile file() {
        return new BindingsFile(tmp.resolve("bindings"), "/etc/multipath/bindings");
    }

    @Test
    void allocatesLowestFreeIdAndReusesBindings() throws IOException {
        BindingsFile b = file();
        assertEquals("mpatha", b.allocate("3600a", "mpath", Set.of(), false).alias());
        assertEquals("mpathb", b.allocate("3600b", "mpath", Set.of(), false).alias());
        BindingsFile.Allocation again = b.allocate("3600a", "mpath", Set.of(), false);
        assertEquals("mpatha", again.alias());
        assertFalse(again.created());
        assertEquals(BindingsFile.HEADER + "mpatha 3600a\nmpathb 3600b\n",
                Files.readString(tmp.resolve("bindings")));
    }

    @Test
    void fillsGapsAndSkipsNamesHeldByOtherDmDevices() throws IOException {
        Files.writeString(tmp.resolve("bindings"), BindingsFile.HEADER + "mpathb 3600b\nmpathd 3600d\ndata 3600x\n");
        BindingsFile b = file();
        assertEquals("mpathc", b.allocate("3600c", "mpath", Set.of("mpatha"), false).alias(),
                "mpatha is a non-multipath dm device");
        assertEquals("mpatha", b.allocate("3600e", "mpath", Set.of(), false).alias());
        assertEquals("mpathe", b.allocate("3600f", "mpath", Set.of(), false).alias());
        assertEquals("diska", b.allocate("3600g", "disk", Set.of(), false).alias(), "own prefix namespace");
    }

    @Test
    void readOnlyAllocationDoesNotWrite() throws IOException {
        assertEquals("mpatha", file().allocate("3600a", "mpath", Set.of(), true).alias());
        assertFalse(Files.exists(tmp.resolve("bindings")));
    }

    @Test
    void corruptLineIsReportedWithItsNumberAndKept() throws IOException {
        String original = BindingsFile.HEADER + "mpatha 3600a\nmpathb\nmpathc 3600c extra\nmpatha 3600z\n";
        Files.writeString(tmp.resolve("bindings"), original);
        BindingsFile.Allocation a = file().allocate("3600d", "mpath", Set.of(), false);
        assertEquals("mpathb", a.alias(), "the malformed mpathb line binds nothing");
        assertEquals(3, a.warnings().size());
        assertEquals("/etc/multipath/bindings:9: malformed line ignored (alias without wwid): 'mpathb'",
                a.warnings().get(0));
        assertTrue(a.warnings().get(1).startsWith("/etc/multipath/bindings:10: ignoring extra data"));
        assertTrue(a.warnings().get(2).startsWith("/etc/multipath/bindings:11: alias mpatha already bound"));
        String after = Files.readString(tmp.resolve("bindings"));
        assertEquals(original + "mpathb 3600d\n", after, "never truncated: old bytes kept, new line appended");
        assertFalse(Files.list(tmp).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp left");
    }

    @Test
    void nonUtf8GarbageIsAMalformedLineAndKeptByteForByte() throws IOException {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x01, ' ', 'j', 'u', 'n', 'k', '\n'};
        byte[] head = (BindingsFile.HEADER + "mpatha 3600a\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "mpathc 3600c".getBytes(java.nio.charset.StandardCharsets.UTF_8); // no final newline
        java.io.ByteArrayOutputStream original = new java.io.ByteArrayOutputStream();
        original.writeBytes(head);
        original.writeBytes(garbage);
        original.writeBytes(tail);
        Files.write(tmp.resolve("bindings"), original.toByteArray());

        BindingsFile.Allocation a = file().allocate("3600d", "mpath", Set.of(), false);
        assertEquals("mpathb", a.alias(), "the garbage line binds nothing; mpatha and mpathc still count");
        assertEquals(java.util.List.of("/etc/multipath/bindings:9: malformed line ignored (control or non-UTF-8 bytes)"),
                a.warnings());
        original.writeBytes("\nmpathb 3600d\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(java.util.HexFormat.of().formatHex(original.toByteArray()),
                java.util.HexFormat.of().formatHex(Files.readAllBytes(tmp.resolve("bindings"))),
                "every old byte kept, the unterminated last line ended, the new binding appended");
        assertEquals("mpathb", file().allocate("3600d", "mpath", Set.of(), false).alias(), "read back");
    }

    @Test
    void garbageBytesThroughTheToolStillGiveTheLunItsMap(@TempDir Path host) throws IOException {
        FakeSan san = FakeSan.in(host).lio(1, 2).config("defaults {\n\tuser_friendly_names yes\n\tfind_multipaths on\n}\n")
                .write();
        byte[] original = {'#', '\n', (byte) 0xc3, 0x28, ' ', (byte) 0x80, '\n'};
        Files.createDirectories(san.root().bindingsFile().getParent());
        Files.write(san.root().bindingsFile(), original);
        FakeSan.Run r = san.jmultipath("-v2");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().startsWith("create: mpatha (360014050000000000000000abc000001)"), r.out());
        assertTrue(r.log().startsWith("/etc/multipath/bindings:2: malformed line ignored"), r.log());
        byte[] after = Files.readAllBytes(san.root().bindingsFile());
        assertEquals(java.util.HexFormat.of().formatHex(original),
                java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf(after, original.length)));
        assertEquals("mpatha 360014050000000000000000abc000001\n",
                new String(after, original.length, after.length - original.length, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void bindingsReuseAndGapFillingThroughTheTool(@TempDir Path host) throws IOException {
        FakeSan san = FakeSan.in(host).lio(3, 2).config("defaults {\n\tuser_friendly_names yes\n\tfind_multipaths on\n}\n")
                .write()
                .bindings(BindingsFile.HEADER + "mpatha 360014050000000000000000abc000002\nmpathc 3600other\n");
        FakeSan.Run r = san.jmultipath("-v1");
        assertEquals(0, r.rc(), r.err());
        assertEquals("mpathb\nmpatha\nmpathd\n", r.out());
        assertEquals(BindingsFile.HEADER + "mpatha 360014050000000000000000abc000002\nmpathc 3600other\n"
                        + "mpathb 360014050000000000000000abc000001\nmpathd 360014050000000000000000abc000003\n",
                Files.readString(san.root().bindingsFile()));
    }

    @Test
    void corruptBindingsThroughTheToolWarnsOnStderr(@TempDir Path host) throws IOException {
        FakeSan san = FakeSan.in(host).lio(1, 2).config("defaults {\n\tuser_friendly_names yes\n\tfind_multipaths on\n}\n")
                .write().bindings("# mine\nmpatha\n");
        FakeSan.Run r = san.jmultipath("-v2");
        assertEquals(0, r.rc(), r.err());
        assertEquals("/etc/multipath/bindings:2: malformed line ignored (alias without wwid): 'mpatha'\n"
                + "mpatha: addmap [0 2097152 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:16 1 "
                + "service-time 0 1 1 8:32 1]\n"
                + "Warning: multipath devices exist, but multipathd service is not running\n", r.log());
        assertTrue(r.err().matches("(?s)\\d+\\.\\d{6} \\| /etc/multipath/bindings:2: .*"), r.err());
        assertTrue(r.out().startsWith("create: mpatha (3600140500"), r.out());
        assertEquals("# mine\nmpatha\nmpatha 360014050000000000000000abc000001\n",
                Files.readString(san.root().bindingsFile()));
    }
}
