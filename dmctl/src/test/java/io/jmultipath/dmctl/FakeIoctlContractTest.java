package io.jmultipath.dmctl;

import java.util.List;
import java.util.Set;

/** The contract on IoctlDeviceMapper over the fake ioctl layer (real buffers, emulated kernel). */
class FakeIoctlContractTest extends DeviceMapperContract {
  private FakeKernelControl fake;

  @Override
  protected DeviceMapper open() {
    fake = new FakeKernelControl(Set.of(new DevT(8, 16), new DevT(8, 32))::contains);
    return new IoctlDeviceMapper(fake);
  }

  /** What the (fake) kernel got in event_nr, as the emulated kernel under it logged it. */
  @Override
  protected java.util.Optional<UeventProbe> uevents() {
    return java.util.Optional.of(dev -> lastChange(fake.kernel.uevents(), dev));
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
