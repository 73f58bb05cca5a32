package io.jmultipath.dmctl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * An emulated device-mapper kernel with dm-multipath semantics, plus simulated I/O through the
 * selector module's path selectors. State lives in memory ({@link #inMemory}) or in a file
 * shared by processes ({@link #shared}). Maps get dev_t 253:N (lowest free minor, like the
 * kernel's idr) and are named dm-N in sysfs terms ({@link #sysfsName}).
 *
 * <p>Kernel rules modelled: table validation (unknown target/selector/hw handler/feature, a
 * path device the {@code existing} predicate rejects -> EINVAL), missing map -> ENXIO, name or
 * uuid in use -> EBUSY, messages while suspended -> EBUSY, removal of an open map -> EBUSY
 * (deferred removal happens when the open count drops to 0), event_nr bumped by target events
 * (fail/reinstate path, switch/enable/disable group, path failure found by I/O).
 * Differences: a group becomes "A" only after I/O chose it (as in the kernel; call
 * {@link #submitIo} to emulate udev's probe), pg_init always succeeds at once.
 */
public final class EmulatedDeviceMapper implements DeviceMapper {
  private final EmuStore store;
  private final LongSupplier nanoClock;

  private EmulatedDeviceMapper(EmuStore store, LongSupplier nanoClock) {
    this.store = store;
    this.nanoClock = nanoClock;
  }

  /** A private in-memory kernel; {@code existing} says which non-dm dev_t exist (e.g. from a fake sysfs). */
  public static EmulatedDeviceMapper inMemory(Predicate<DevT> existing) {
    return inMemory(existing, System::nanoTime);
  }

  public static EmulatedDeviceMapper inMemory(Predicate<DevT> existing, LongSupplier nanoClock) {
    return new EmulatedDeviceMapper(new MemoryEmuStore(existing, nanoClock, EmuKernel.DEFAULT_MAJOR), nanoClock);
  }

  /** Convenience: exactly these devices exist. */
  public static EmulatedDeviceMapper inMemory(Set<DevT> existing) {
    Set<DevT> copy = Set.copyOf(existing);
    return inMemory(copy::contains);
  }

  /** State shared with other processes through {@code file} (created on first change). */
  public static EmulatedDeviceMapper shared(Path file, Predicate<DevT> existing) {
    return shared(file, existing, System::nanoTime);
  }

  public static EmulatedDeviceMapper shared(Path file, Predicate<DevT> existing, LongSupplier nanoClock) {
    return new EmulatedDeviceMapper(new FileEmuStore(file, existing, nanoClock, EmuKernel.DEFAULT_MAJOR), nanoClock);
  }

  /**
   * Full control: {@code file} empty = in memory; {@code major} = the block major of the maps
   * (253 or 254 on real systems; used when the state file is new).
   */
  public static EmulatedDeviceMapper of(java.util.Optional<Path> file, Predicate<DevT> existing,
                                            LongSupplier nanoClock, int major) {
    if (major <= 0 || major > 4095) {
      throw new IllegalArgumentException("invalid block major " + major);
    }
    EmuStore store = file.<EmuStore>map(f -> new FileEmuStore(f, existing, nanoClock, major))
        .orElseGet(() -> new MemoryEmuStore(existing, nanoClock, major));
    return new EmulatedDeviceMapper(store, nanoClock);
  }

  /** The sysfs/kernel name of a map's block device: "dm-3" for 253:3. */
  public static String sysfsName(DevT dev) {
    return "dm-" + dev.minor();
  }

  // ---- simulation controls -------------------------------------------------------------

  /** Makes I/O through {@code path} fail (true) or succeed again (false). */
  public void setPathIoError(DevT path, boolean failing) {
    store.apply(k -> {
      boolean changed = failing ? k.ioErrors.add(path) : k.ioErrors.remove(path);
      k.dirty |= changed;
      return null;
    });
  }

  public Set<DevT> pathIoErrors() {
    return store.apply(k -> Set.copyOf(k.ioErrors));
  }

  /**
   * One I/O through the map: the path used, or empty if it was queued (queue_if_no_path) or
   * failed. A failing path found on the way is failed in the map with an event, like the kernel.
   */
  public Optional<DevT> submitIo(String map, long bytes) {
    return submitIoDetailed(map, bytes).path();
  }

  public IoResult submitIoDetailed(String map, long bytes) {
    DmNames.checkName("submit_io", map);
    return store.apply(k -> EmuTargetOps.submit(k, map, bytes, nanoClock.getAsLong()));
  }

  /** Counters of a map: completed, failed (EIO) and currently queued I/Os. */
  public record IoStats(long completed, long failed, long queued) {}

  public IoStats ioStats(String map) {
    return store.apply(k -> {
      EmuMap m = k.get("io_stats", map);
      long queued = (m.liveMp == null ? 0 : m.liveMp.queuedIos) + m.heldWhileSuspended;
      return new IoStats(m.ioCompleted, m.ioFailed, queued);
    });
  }

  /** Simulates openers (mounts, holders): removal of an open map is EBUSY. */
  public void setOpenCount(String map, int openCount) {
    store.apply(k -> {
      k.setOpenCount(map, openCount);
      return null;
    });
  }

  /**
   * The uevents the emulated kernel emitted (the last 64, oldest first; kept in the state file
   * too), with the udev cookie each carried: what `udevadm monitor --kernel --property` would show.
   */
  public List<DmUevent> uevents() {
    return store.apply(k -> List.copyOf(k.uevents));
  }

  /** The whole state in the emulated:FILE text format (for debugging). */
  public String stateText() {
    return store.apply(EmuStateCodec::format);
  }

  // ---- DeviceMapper ----------------------------------------------------------------------

  @Override
  public DmVersion driverVersion() {
    return new DmVersion(4, 47, 0);
  }

  @Override
  public List<DmDevice> list() {
    return store.apply(EmuKernel::list);
  }

  @Override
  public Optional<DmInfo> info(String name) {
    DmNames.checkName("DM_DEV_STATUS", name);
    return store.apply(k -> Optional.ofNullable(k.maps.get(name)).map(k::info));
  }

  /** The cookie a library call sends with a uevent-generating ioctl: the flags plus PRIMARY_SOURCE. */
  private static Optional<UdevFlags> cookie(UdevFlags udev) {
    return Optional.of(udev.with(UdevFlags.Flag.PRIMARY_SOURCE));
  }

  /** An ioctl's raw event_nr as the kernel reads it: 0 = no cookie (no DM_COOKIE in the uevent). */
  static Optional<UdevFlags> rawCookie(int eventNr) {
    return eventNr == 0 ? Optional.empty() : Optional.of(UdevFlags.fromCookie(Integer.toUnsignedLong(eventNr)));
  }

  @Override
  public DmInfo create(String name, String uuid, List<DmTarget> table, UdevFlags udev) {
    DmNames.checkName("DM_DEV_CREATE", name);
    DmNames.checkUuid("DM_DEV_CREATE", name, uuid);
    DmNames.checkTable("DM_TABLE_LOAD", name, table);
    return store.apply(k -> {
      k.create(name, uuid);
      try {
        if (!table.isEmpty()) {
          k.load(name, table);
          k.resume(name, cookie(udev));
        }
      } catch (RuntimeException e) {
        k.remove(name, false, cookie(UdevFlags.NONE));
        throw e;
      }
      return k.info(k.get("DM_DEV_STATUS", name));
    });
  }

  @Override
  public void load(String name, List<DmTarget> table) {
    DmNames.checkName("DM_TABLE_LOAD", name);
    DmNames.checkTable("DM_TABLE_LOAD", name, table);
    store.apply(k -> {
      k.load(name, table);
      return null;
    });
  }

  @Override
  public void suspend(String name, boolean noFlush, boolean skipLockfs) {
    DmNames.checkName("DM_DEV_SUSPEND", name);
    store.apply(k -> {
      k.suspend(name);
      return null;
    });
  }

  @Override
  public void resume(String name, UdevFlags udev) {
    DmNames.checkName("DM_DEV_SUSPEND", name);
    resumeIoctl(name, cookie(udev));
  }

  /** DM_DEV_SUSPEND (resume) as the kernel gets it: {@code cookie} exactly as in event_nr. */
  void resumeIoctl(String name, Optional<UdevFlags> cookie) {
    store.apply(k -> {
      k.resume(name, cookie);
      return null;
    });
  }

  @Override
  public void remove(String name, boolean deferred, UdevFlags udev) {
    DmNames.checkName("DM_DEV_REMOVE", name);
    removeIoctl(name, deferred, cookie(udev));
  }

  void removeIoctl(String name, boolean deferred, Optional<UdevFlags> cookie) {
    store.apply(k -> {
      k.remove(name, deferred, cookie);
      return null;
    });
  }

  @Override
  public void rename(String name, String newName, UdevFlags udev) {
    DmNames.checkName("DM_DEV_RENAME", name);
    DmNames.checkName("DM_DEV_RENAME", newName);
    renameIoctl(name, newName, cookie(udev));
  }

  void renameIoctl(String name, String newName, Optional<UdevFlags> cookie) {
    store.apply(k -> {
      k.rename(name, newName, cookie);
      return null;
    });
  }

  @Override
  public List<DmTarget> table(String name) {
    DmNames.checkName("DM_TABLE_STATUS", name);
    return store.apply(k -> k.table(name));
  }

  @Override
  public List<DmTarget> status(String name) {
    DmNames.checkName("DM_TABLE_STATUS", name);
    return store.apply(k -> k.status(name));
  }

  @Override
  public List<DevT> deps(String name) {
    DmNames.checkName("DM_TABLE_DEPS", name);
    return store.apply(k -> k.get("DM_TABLE_DEPS", name).deps());
  }

  @Override
  public String message(String name, long sector, String message) {
    DmNames.checkName("DM_TARGET_MSG", name);
    if (message == null || message.isBlank()) {
      throw DmException.invalid("DM_TARGET_MSG", name, "empty message");
    }
    return store.apply(k -> EmuTargetOps.message(k, name, sector, message));
  }

  @Override
  public List<TargetVersion> targetVersions() {
    return List.of(new TargetVersion("multipath", 1, 15, 0), new TargetVersion("linear", 1, 4, 0),
        new TargetVersion("zero", 1, 2, 0), new TargetVersion("error", 1, 6, 0));
  }

  @Override
  public DmEvents events() {
    return new DmEvents() {
      private long seen = store.events();

      @Override
      public synchronized boolean await(Duration timeout) throws InterruptedException {
        if (store.awaitChange(seen, Math.max(0, timeout.toNanos()))) {
          seen = store.events();
          return true;
        }
        return false;
      }

      @Override
      public void close() {
      }
    };
  }

  @Override
  public void close() {
    store.close();
  }
}
