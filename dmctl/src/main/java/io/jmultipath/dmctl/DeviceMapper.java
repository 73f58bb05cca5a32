package io.jmultipath.dmctl;

import java.util.List;
import java.util.Optional;

/** The device-mapper operations jmultipath needs. Every failure is a {@link DmException}. */
public interface DeviceMapper extends AutoCloseable {
  DmVersion driverVersion();

  List<DmDevice> list();

  Optional<DmInfo> info(String name);

  /** Create + load + resume; removes the empty device on failure. */
  DmInfo create(String name, String uuid, List<DmTarget> table);

  void load(String name, List<DmTarget> table);

  void suspend(String name, boolean noFlush, boolean skipLockfs);

  void resume(String name);

  void remove(String name, boolean deferred);

  void rename(String name, String newName);

  List<DmTarget> table(String name);

  List<DmTarget> status(String name);

  List<DevT> deps(String name);

  String message(String name, long sector, String message);

  List<TargetVersion> targetVersions();

  /** Event waiting (ARM_POLL + poll; DEV_WAIT fallback). */
  DmEvents events();

  @Override
  void close();
}
