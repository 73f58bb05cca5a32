package io.jmultipath.daemon.client;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineEditorTest {
    static final class Fake implements LineEditor.Terminal {
        final String input;
        int pos;
        final StringBuilder shown = new StringBuilder();

        Fake(String input) {
            this.input = input;
        }

        @Override
        public int read() {
            return pos < input.length() ? input.charAt(pos++) : -1;
        }

        @Override
        public void write(String s) {
            shown.append(s);
        }
    }

    @Test
    void tabCompletesUniqueKeywords() throws Exception {
        Fake t = new Fake("sho\ttop\t\r");
        assertEquals(Optional.of("show topology "), new LineEditor(t, new ArrayList<>()).readLine("> "));
    }

    @Test
    void ambiguousTabListsCandidates() throws Exception {
        Fake t = new Fake("show pa\t\r");
        assertEquals(Optional.of("show path"), new LineEditor(t, new ArrayList<>()).readLine("> "));
        Fake t2 = new Fake("show path\t\r");
        new LineEditor(t2, new ArrayList<>()).readLine("> ");
        assertTrue(t2.shown.toString().contains("path  pathlist  paths"), t2.shown.toString());
    }

    @Test
    void historyBackspaceCtrlCAndCtrlD() throws Exception {
        List<String> h = new ArrayList<>(List.of("show maps", "show paths"));
        assertEquals(Optional.of("show paths"), new LineEditor(new Fake("\033[A\r"), h).readLine("> "));
        assertEquals(Optional.of("show maps"), new LineEditor(new Fake("\033[A\033[A\r"), h).readLine("> "));
        assertEquals(Optional.of("show"), new LineEditor(new Fake("showx\177\r"), h).readLine("> "));
        assertEquals(Optional.of("quit"), new LineEditor(new Fake("junk\003quit\r"), h).readLine("> "));
        assertEquals(Optional.empty(), new LineEditor(new Fake("\004"), h).readLine("> "));
    }
}
