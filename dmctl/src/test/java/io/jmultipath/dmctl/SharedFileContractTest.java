package io.jmultipath.dmctl;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the emulated kernel whose state lives in a file ("emulated:FILE"). */
class SharedFileContractTest extends DeviceMapperContract {
  @TempDir
  Path dir;

  @Override
  protected DeviceMapper open() {
    return EmulatedDeviceMapper.shared(dir.resolve("dm.state"), Set.of(new DevT(8, 16), new DevT(8, 32))::contains);
  }

  @Override
  protected List<DevT> paths() {
    return List.of(new DevT(8, 16), new DevT(8, 32));
  }

  @Override
  protected DevT missingDevice() {
    return new DevT(8, 4000);
  }

  @Override
  protected java.util.Optional<UeventProbe> uevents() {
    return java.util.Optional.of(dev -> lastChange(((EmulatedDeviceMapper) dm).uevents(), dev));
  }
}
