package io.jmultipath.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckStateTest {
    @Test
    void namesMatchMultipathTools() {
        assertEquals(List.of("wild", "unchecked", "down", "up", "shaky", "ghost", "pending", "timeout", "removed",
            "delayed", "disconnected"), Arrays.stream(CheckState.values()).map(CheckState::stateName).toList());
        assertEquals(List.of("undef", "undef", "faulty", "ready", "shaky", "ghost", "i/o pending", "i/o timeout",
            "undef", "delayed", "undef"), Arrays.stream(CheckState.values()).map(CheckState::chkSt).toList());
        assertEquals(CheckState.DOWN, CheckState.DISCONNECTED.effective());
    }

    @Test
    void checkerNamesAndUnknown() {
        assertEquals(List.of("directio", "tur", "readsector0", "none"), Checkers.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkers.create("emc_clariion", null));
        assertEquals("unknown path checker: emc_clariion", e.getMessage());
    }
}
