package io.jmultipath.dmctl;

import java.util.List;
import java.util.Optional;

/** The device-mapper operations jmultipath needs. Every failure is a {@link DmException}. */
public interface DeviceMapper extends AutoCloseable {
  DmVersion driverVersion();

  List<DmDevice> list();

  Optional<DmInfo> info(String name);

  /**
   * Create + load + resume; removes the empty device on failure. {@code udev} goes with the
   * resume (the uevent that announces the new map), plus {@link UdevFlags.Flag#PRIMARY_SOURCE}.
   */
  DmInfo create(String name, String uuid, List<DmTarget> table, UdevFlags udev);

  /** {@link #create(String, String, List, UdevFlags)} with no flags but PRIMARY_SOURCE. */
  default DmInfo create(String name, String uuid, List<DmTarget> table) {
    return create(name, uuid, table, UdevFlags.NONE);
  }

  void load(String name, List<DmTarget> table);

  void suspend(String name, boolean noFlush, boolean skipLockfs);

  /** Resumes (activating an inactive table); the change uevent carries {@code udev} + PRIMARY_SOURCE. */
  void resume(String name, UdevFlags udev);

  default void resume(String name) {
    resume(name, UdevFlags.NONE);
  }

  /** Removes the map; the remove uevent carries {@code udev} + PRIMARY_SOURCE. */
  void remove(String name, boolean deferred, UdevFlags udev);

  default void remove(String name, boolean deferred) {
    remove(name, deferred, UdevFlags.NONE);
  }

  /** Renames the map; the change uevent carries {@code udev} + PRIMARY_SOURCE. */
  void rename(String name, String newName, UdevFlags udev);

  default void rename(String name, String newName) {
    rename(name, newName, UdevFlags.NONE);
  }

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
