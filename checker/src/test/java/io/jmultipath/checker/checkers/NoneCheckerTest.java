package io.jmultipath.checker.checkers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.Checkers;
import io.jmultipath.checker.PathHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoneCheckerTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"running,UP", "offline,DOWN", "transport-offline,DOWN", "blocked,PENDING", "quiesce,PENDING", "created,DOWN",
        "cancel,DOWN", "deleted,DOWN", "created-blocked,DOWN"})
    void sysfsState(String state, CheckState expected) throws Exception {
        Files.writeString(tmp.resolve("state"), state + "\n");
        PathHandle h = new PathHandle("sdb", Path.of("/dev/sdb"), 8, 16, tmp, Duration.ofSeconds(30));
        CheckResult r = Checkers.create("none", null).check(h);
        assertEquals(expected, r.state());
    }

    @Test
    void noStateFileMeansDisabledAndUp() {
        PathHandle h = new PathHandle("loop0", Path.of("/dev/loop0"), 7, 0, tmp.resolve("device"), Duration.ofSeconds(30));
        CheckResult r = Checkers.create("none", null).check(h);
        assertEquals(CheckState.UP, r.state());
        assertEquals("none checker is disabled", r.message());
    }
}
