package io.jmultipath.dmctl.jna;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.Errno;
import io.jmultipath.dmctl.IoctlDeviceMapper;
import io.jmultipath.dmctl.ioctl.DmControl;
import io.jmultipath.dmctl.ioctl.DmIoctl;
import io.jmultipath.dmctl.ioctl.DmIoctlCodec;
import io.jmultipath.dmctl.ioctl.ErrnoException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real JNA binding, exercised on /dev/null (any kernel): errno and poll paths work. */
class JnaDmControlTest {
  @Test
  void ioctlErrnoComesBackNamed() {
    try (DmControl c = JnaDmControl.open(Path.of("/dev/null"))) {
      ByteBuffer b = DmIoctlCodec.request(16384, null, null, 0);
      ErrnoException e = assertThrows(ErrnoException.class, () -> c.ioctl(DmIoctl.DM_VERSION, b));
      assertEquals(Errno.ENOTTY, e.errno());
      assertEquals("DM_VERSION: ENOTTY (Inappropriate ioctl for device)", e.getMessage());
    }
  }

  @Test
  void deviceMapperOnTheWrongNodeFailsWithOperationAndErrno() {
    try (DeviceMapper dm = new IoctlDeviceMapper(JnaDmControl.open(Path.of("/dev/null")))) {
      DmException e = assertThrows(DmException.class, () -> dm.info("mpatha"));
      assertEquals("DM_DEV_STATUS mpatha: ENOTTY (Inappropriate ioctl for device)", e.getMessage());
      assertEquals(Optional.of("ENOTTY"), e.errno());
    }
  }

  @Test
  void pollAndReopenAndClose() throws ErrnoException {
    JnaDmControl c = JnaDmControl.open(Path.of("/dev/null"));
    assertTrue(c.pollIn(100), "/dev/null is always readable");
    try (DmControl second = c.reopen()) {
      assertEquals("/dev/null", second.path());
    }
    c.close();
    c.close();   // idempotent
    assertThrows(ErrnoException.class, () -> c.pollIn(0));
  }
}
