package io.jmultipath.dmctl;

import java.util.List;
import java.util.Set;

/** The contract on IoctlDeviceMapper over the fake ioctl layer (real buffers, emulated kernel). */
class FakeIoctlContractTest extends DeviceMapperContract {
  @Override
  protected DeviceMapper open() {
    return new IoctlDeviceMapper(new FakeKernelControl(Set.of(new DevT(8, 16), new DevT(8, 32))::contains));
  }

  @Override
  protected List<DevT> paths() {
    return List.of(new DevT(8, 16), new DevT(8, 32));
  }

  @Override
  protected DevT missingDevice() {
    return new DevT(8, 4000);
  }
}
