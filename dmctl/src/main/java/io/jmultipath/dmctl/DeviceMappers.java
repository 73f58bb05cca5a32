package io.jmultipath.dmctl;

import io.jmultipath.dmctl.jna.JnaDmControl;
import java.nio.file.Path;

/** Opens a {@link DeviceMapper} from a spec: "kernel" | "emulated" | "emulated:FILE". */
public final class DeviceMappers {
  public static final String CONTROL = "/dev/mapper/control";

  private DeviceMappers() {}

  /**
   * "kernel" = ioctls on /dev/mapper/control (DmUnavailableException if it cannot be opened);
   * "kernel:PATH" = another control node; "emulated" = a fresh in-memory kernel in which every
   * major:minor exists; "emulated:FILE" = emulated state shared through FILE by processes.
   */
  public static DeviceMapper open(String spec) {
    if (spec == null || spec.isEmpty() || spec.equals("kernel")) {
      return new IoctlDeviceMapper(JnaDmControl.open(Path.of(CONTROL)));
    }
    if (spec.startsWith("kernel:") && spec.length() > "kernel:".length()) {
      return new IoctlDeviceMapper(JnaDmControl.open(Path.of(spec.substring("kernel:".length()))));
    }
    if (spec.equals("emulated")) {
      return EmulatedDeviceMapper.inMemory(dev -> true);
    }
    if (spec.equals("emulated:") || spec.equals("kernel:")) {
      throw new IllegalArgumentException("device-mapper spec '" + spec + "' needs a path after the colon");
    }
    if (spec.startsWith("emulated:")) {
      return EmulatedDeviceMapper.shared(Path.of(spec.substring("emulated:".length())), dev -> true);
    }
    throw new IllegalArgumentException("unknown device-mapper spec '" + spec
        + "' (expected kernel, emulated or emulated:FILE)");
  }
}
