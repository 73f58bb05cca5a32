package io.jmultipath.daemon.names;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WwidsFileTest {

    @TempDir
    Path tmp;

    @Test
    void addRemoveReset() throws IOException {
        WwidsFile w = new WwidsFile(tmp.resolve("wwids"), "/etc/multipath/wwids");
        assertTrue(w.add("3600a"));
        assertFalse(w.add("3600a"));
        assertTrue(w.add("3600b"));
        assertEquals(WwidsFile.HEADER + "/3600a/\n/3600b/\n", Files.readString(tmp.resolve("wwids")));
        assertTrue(w.remove("3600a"));
        assertFalse(w.remove("3600a"));
        assertEquals(WwidsFile.HEADER + "/3600b/\n", Files.readString(tmp.resolve("wwids")));
        w.replaceAll(List.of("3600c", "3600c", "3600d"));
        assertEquals(WwidsFile.HEADER + "/3600c/\n/3600d/\n", Files.readString(tmp.resolve("wwids")));
    }

    @Test
    void nonUtf8GarbageIsMalformedAndSurvivesAddAndRemove() throws IOException {
        Path f = tmp.resolve("wwids");
        byte[] garbage = {'/', (byte) 0xff, 0x00, (byte) 0xfe, '\n'};
        byte[] head = "# c\n/3600a/\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream original = new java.io.ByteArrayOutputStream();
        original.writeBytes(head);
        original.writeBytes(garbage);
        original.writeBytes("/3600b/".getBytes(java.nio.charset.StandardCharsets.UTF_8)); // no final newline
        Files.write(f, original.toByteArray());
        WwidsFile w = new WwidsFile(f, "/etc/multipath/wwids");
        WwidsFile.Parsed p = w.read();
        assertEquals(List.of("3600a", "3600b"), List.copyOf(p.wwids()));
        assertEquals(1, p.warnings().size());
        assertTrue(p.warnings().get(0).startsWith("/etc/multipath/wwids:3: malformed line ignored"), p.warnings().get(0));

        assertTrue(w.add("3600c"));
        assertEquals(1, w.addAll(List.of("3600c", "3600d")));
        original.writeBytes("\n/3600c/\n/3600d/\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(java.util.HexFormat.of().formatHex(original.toByteArray()),
                java.util.HexFormat.of().formatHex(Files.readAllBytes(f)), "old bytes kept, new lines appended");
        assertTrue(w.remove("3600a"));
        byte[] after = Files.readAllBytes(f);
        assertEquals(java.util.HexFormat.of().formatHex(garbage),
                java.util.HexFormat.of().formatHex(java.util.Arrays.copyOfRange(after, 4, 4 + garbage.length)),
                "a rewrite for remove keeps the corrupt line byte for byte");
        assertEquals(List.of("3600b", "3600c", "3600d"), List.copyOf(w.read().wwids()));
    }

    @Test
    void malformedLinesAreNamed() {
        WwidsFile.Parsed p = WwidsFile.parse("# c\n/3600a/\n3600b\n\n/3600c/\n", "/etc/multipath/wwids");
        assertEquals(List.of("3600a", "3600c"), List.copyOf(p.wwids()));
        assertEquals(List.of("/etc/multipath/wwids:3: malformed line ignored: '3600b'"), p.warnings());
    }
}
