package io.jmultipath.checker.scsi.jna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmultipath.checker.CheckResult;
import io.jmultipath.checker.CheckState;
import io.jmultipath.checker.Checkers;
import io.jmultipath.checker.ErrnoException;
import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.scsi.Cdbs;
import io.jmultipath.checker.scsi.SgIo;
import io.jmultipath.checker.scsi.SgIos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real ioctl(SG_IO) calls on devices that are not SCSI: the errno paths of the binding. */
class JnaSgIoTest {
    @Test
    void enottyOnACharacterDeviceIsWild() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.isReadable(devNull), "/dev/null not readable");
        SgIo sg = SgIos.kernel();
        ErrnoException e = assertThrows(ErrnoException.class,
            () -> sg.execute(devNull, Cdbs.testUnitReady(Duration.ofSeconds(1))));
        assertEquals("SG_IO", e.operation());
        assertEquals("ENOTTY", e.errnoName());
        assertEquals("SG_IO /dev/null: ENOTTY", e.getMessage());
        PathHandle h = new PathHandle("null", devNull, 1, 3, Path.of("/sys/devices/virtual/mem/null"), Duration.ofSeconds(1));
        CheckResult r = Checkers.create("tur", sg).check(h);
        assertEquals(CheckState.WILD, r.state());
        assertEquals("tur checker doesn't support this device", r.message());
    }

    @Test
    void missingNodeFailsInOpen() {
        ErrnoException e = assertThrows(ErrnoException.class,
            () -> SgIos.kernel().execute(Path.of("/dev/jm-no-such-disk"), Cdbs.testUnitReady(Duration.ofSeconds(1))));
        assertEquals("open", e.operation());
        assertEquals("ENOENT", e.errnoName());
        assertEquals("open /dev/jm-no-such-disk: ENOENT", e.getMessage());
    }
}
