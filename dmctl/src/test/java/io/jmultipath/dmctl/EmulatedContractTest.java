package io.jmultipath.dmctl;

import java.util.List;
import java.util.Set;

/** The contract on the in-memory emulated kernel; 8:16 and 8:32 exist. */
class EmulatedContractTest extends DeviceMapperContract {
  @Override
  protected DeviceMapper open() {
    return EmulatedDeviceMapper.inMemory(Set.of(new DevT(8, 16), new DevT(8, 32)));
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
