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
    void malformedLinesAreNamed() {
        WwidsFile.Parsed p = WwidsFile.parse("# c\n/3600a/\n3600b\n\n/3600c/\n", "/etc/multipath/wwids");
        assertEquals(List.of("3600a", "3600c"), List.copyOf(p.wwids()));
        assertEquals(List.of("/etc/multipath/wwids:3: malformed line ignored: '3600b'"), p.warnings());
    }
}
