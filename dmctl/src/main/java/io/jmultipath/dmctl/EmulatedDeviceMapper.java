package io.jmultipath.dmctl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** In-memory dm-multipath kernel (stub: being written). */
public final class EmulatedDeviceMapper implements DeviceMapper {
  private EmulatedDeviceMapper() {}

  public static EmulatedDeviceMapper inMemory(Predicate<DevT> existing) {
    return new EmulatedDeviceMapper();
  }

  public static EmulatedDeviceMapper shared(Path file, Predicate<DevT> existing) {
    return new EmulatedDeviceMapper();
  }

  public void setPathIoError(DevT path, boolean failing) {
    throw new UnsupportedOperationException("not yet");
  }

  public Optional<DevT> submitIo(String map, long bytes) {
    throw new UnsupportedOperationException("not yet");
  }

  private static UnsupportedOperationException todo() {
    return new UnsupportedOperationException("not yet");
  }

  @Override public DmVersion driverVersion() { throw todo(); }
  @Override public List<DmDevice> list() { throw todo(); }
  @Override public Optional<DmInfo> info(String name) { throw todo(); }
  @Override public DmInfo create(String name, String uuid, List<DmTarget> table) { throw todo(); }
  @Override public void load(String name, List<DmTarget> table) { throw todo(); }
  @Override public void suspend(String name, boolean noFlush, boolean skipLockfs) { throw todo(); }
  @Override public void resume(String name) { throw todo(); }
  @Override public void remove(String name, boolean deferred) { throw todo(); }
  @Override public void rename(String name, String newName) { throw todo(); }
  @Override public List<DmTarget> table(String name) { throw todo(); }
  @Override public List<DmTarget> status(String name) { throw todo(); }
  @Override public List<DevT> deps(String name) { throw todo(); }
  @Override public String message(String name, long sector, String message) { throw todo(); }
  @Override public List<TargetVersion> targetVersions() { throw todo(); }
  @Override public DmEvents events() { throw todo(); }
  @Override public void close() { }
}
