package io.jmultipath.daemon.runtime;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.daemon.server.SocketNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonOptionsTest {
    @Test
    void daemonOptions() {
        DaemonOptions o = DaemonOptions.parse(List.of("-d", "-s", "-v3", "--root", "/tmp/r", "--dm", "emulated", "--socket", "@x"));
        assertTrue(o.foreground());
        assertTrue(o.noTimestamps());
        assertEquals("debug", o.logLevel());
        assertEquals(Path.of("/tmp/r"), o.root().orElseThrow());
        assertEquals("emulated", o.dm());
        assertEquals("@x", o.socket().orElseThrow());
        assertFalse(o.clientMode());
        assertEquals("off", DaemonOptions.parse(List.of("-v", "0")).logLevel());
    }

    @Test
    void clientForms() {
        DaemonOptions k = DaemonOptions.parse(List.of("-kshow paths"));
        assertEquals("show paths", k.interactive().orElseThrow());
        assertTrue(k.clientMode());
        DaemonOptions w = DaemonOptions.parse(List.of("--socket", "/s", "show", "map", "-v"));
        assertEquals(List.of("show", "map", "-v"), w.words(), "words after the first are the command");
        assertEquals("", DaemonOptions.parse(List.of("-k")).interactive().orElseThrow());
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals("Invalid argument '-x'", assertThrows(IllegalArgumentException.class,
                () -> DaemonOptions.parse(List.of("-x"))).getMessage());
        assertEquals("--root: missing value", assertThrows(IllegalArgumentException.class,
                () -> DaemonOptions.parse(List.of("--root"))).getMessage());
        assertEquals("-v: not a number: x", assertThrows(IllegalArgumentException.class,
                () -> DaemonOptions.parse(List.of("-vx"))).getMessage());
    }

    @Test
    void socketNames() {
        assertEquals(List.of(SocketNames.DEFAULT_PATHNAME, SocketNames.DEFAULT_ABSTRACT),
                SocketNames.listen(Optional.empty(), Map.of()));
        assertEquals(List.of("@mine"), SocketNames.listen(Optional.empty(), Map.of("MULTIPATH_SOCKET_NAME", "@mine")));
        assertEquals(List.of("/opt"), SocketNames.listen(Optional.of("/opt"), Map.of("MULTIPATH_SOCKET_NAME", "@mine")));
    }
}
