package io.jmultipath.dmctl;

import static io.jmultipath.dmctl.ioctl.DmAbi.*;

import io.jmultipath.dmctl.ioctl.DmControl;
import io.jmultipath.dmctl.ioctl.DmHeader;
import io.jmultipath.dmctl.ioctl.DmIoctl;
import io.jmultipath.dmctl.ioctl.DmIoctlCodec;
import io.jmultipath.dmctl.ioctl.ErrnoException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DeviceMapper} over DM ioctls on a {@link DmControl} (JNA in production, a fake in tests). */
public final class IoctlDeviceMapper implements DeviceMapper {
  private static final Logger LOG = LoggerFactory.getLogger(IoctlDeviceMapper.class);
  static final int INITIAL_BUFFER = 16 * 1024;
  static final int MAX_BUFFER = 64 * 1024 * 1024;

  private final DmControl control;

  public IoctlDeviceMapper(DmControl control) {
    this.control = control;
  }

  /** Sends one ioctl; grows the buffer while the kernel sets DM_BUFFER_FULL_FLAG. */
  private ByteBuffer call(DmIoctl cmd, String name, int flags, int payload, Consumer<ByteBuffer> fill) {
    int size = Math.max(INITIAL_BUFFER, DM_IOCTL_SIZE + payload + 8);
    while (true) {
      ByteBuffer b = DmIoctlCodec.request(size, name, null, flags);
      fill.accept(b);
      try {
        control.ioctl(cmd, b);
      } catch (ErrnoException e) {
        throw DmException.errno(cmd.name(), name, e.errno());
      }
      DmHeader h = DmIoctlCodec.header(b);
      if (!h.hasFlag(DM_BUFFER_FULL_FLAG)) {
        return b;
      }
      if (size >= MAX_BUFFER) {
        throw DmException.invalid(cmd.name(), name, "reply does not fit in " + MAX_BUFFER + " bytes");
      }
      LOG.debug("{} {}: buffer of {} bytes full, retrying larger", cmd, name, size);
      size *= 2;
    }
  }

  /** Package-private for IoctlDmEvents: a header-only call (DM_DEV_ARM_POLL, DM_DEV_WAIT). */
  static void simpleCall(DmControl control, DmIoctl cmd, String name, int eventNr) throws ErrnoException {
    ByteBuffer b = DmIoctlCodec.request(DM_IOCTL_SIZE + 8, name, null, 0);
    DmIoctlCodec.setEventNr(b, eventNr);
    control.ioctl(cmd, b);
  }

  private ByteBuffer call(DmIoctl cmd, String name, int flags) {
    return call(cmd, name, flags, 0, b -> { });
  }

  private <T> T decode(DmIoctl cmd, String name, java.util.function.Function<ByteBuffer, T> f, ByteBuffer b) {
    try {
      return f.apply(b);
    } catch (IllegalArgumentException e) {
      throw DmException.invalid(cmd.name(), name, e.getMessage());
    }
  }

  @Override
  public DmVersion driverVersion() {
    DmHeader h = DmIoctlCodec.header(call(DmIoctl.DM_VERSION, null, 0));
    return new DmVersion(h.versionMajor(), h.versionMinor(), h.versionPatch());
  }

  @Override
  public List<DmDevice> list() {
    ByteBuffer b = call(DmIoctl.DM_LIST_DEVICES, null, DM_UUID_FLAG);
    return decode(DmIoctl.DM_LIST_DEVICES, null, DmIoctlCodec::nameList, b);
  }

  @Override
  public Optional<DmInfo> info(String name) {
    DmNames.checkName("DM_DEV_STATUS", name);
    try {
      return Optional.of(toInfo(DmIoctlCodec.header(call(DmIoctl.DM_DEV_STATUS, name, 0))));
    } catch (DmException e) {
      if (e.errno().filter("ENXIO"::equals).isPresent()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  static DmInfo toInfo(DmHeader h) {
    return new DmInfo(h.name(), h.dev(), h.uuid(), h.eventNr(), h.openCount(), h.targetCount(),
        h.hasFlag(DM_SUSPEND_FLAG), h.hasFlag(DM_READONLY_FLAG),
        h.hasFlag(DM_ACTIVE_PRESENT_FLAG), h.hasFlag(DM_INACTIVE_PRESENT_FLAG));
  }

  /**
   * The cookie of a uevent-generating ioctl (resume, remove, rename): the caller's flags plus
   * PRIMARY_SOURCE, which libdevmapper's _do_dm_ioctl always adds to these three.
   */
  static UdevFlags ueventCookie(UdevFlags udev) {
    return udev.with(UdevFlags.Flag.PRIMARY_SOURCE);
  }

  @Override
  public DmInfo create(String name, String uuid, List<DmTarget> table, UdevFlags udev) {
    DmNames.checkName("DM_DEV_CREATE", name);
    DmNames.checkUuid("DM_DEV_CREATE", name, uuid);
    DmNames.checkTable("DM_TABLE_LOAD", name, table);
    call(DmIoctl.DM_DEV_CREATE, name, 0, 0, b -> {
      if (uuid != null && !uuid.isEmpty()) {
        b.position(OFF_UUID);
        b.put(uuid.getBytes(StandardCharsets.UTF_8));
        b.position(0);
      }
      // libdevmapper's _create_and_load_v4 passes the flags (no semaphore base) on the create too;
      // the kernel's "add" uevent does not carry them.
      DmIoctlCodec.putCookie(b, udev);
    });
    try {
      if (!table.isEmpty()) {
        loadChecked(name, table);
        resume(name, udev);
      }
      return info(name).orElseThrow(() -> DmException.errno("DM_DEV_STATUS", name, Errno.ENXIO));
    } catch (RuntimeException e) {
      try {
        remove(name, false, UdevFlags.NONE);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Override
  public void load(String name, List<DmTarget> table) {
    DmNames.checkName("DM_TABLE_LOAD", name);
    DmNames.checkTable("DM_TABLE_LOAD", name, table);
    loadChecked(name, table);
  }

  private void loadChecked(String name, List<DmTarget> table) {
    int payload = DmIoctlCodec.targetsSize(table);
    call(DmIoctl.DM_TABLE_LOAD, name, 0, payload, b -> DmIoctlCodec.putTargets(b, table));
  }

  @Override
  public void suspend(String name, boolean noFlush, boolean skipLockfs) {
    DmNames.checkName("DM_DEV_SUSPEND", name);
    int flags = DM_SUSPEND_FLAG | (noFlush ? DM_NOFLUSH_FLAG : 0) | (skipLockfs ? DM_SKIP_LOCKFS_FLAG : 0);
    call(DmIoctl.DM_DEV_SUSPEND, name, flags);
  }

  /** Resumes (activating an inactive table) with noflush + skip-lockfs, as multipath-tools' reload does. */
  @Override
  public void resume(String name, UdevFlags udev) {
    DmNames.checkName("DM_DEV_SUSPEND", name);
    call(DmIoctl.DM_DEV_SUSPEND, name, DM_NOFLUSH_FLAG | DM_SKIP_LOCKFS_FLAG, 0,
        b -> DmIoctlCodec.putCookie(b, ueventCookie(udev)));
  }

  @Override
  public void remove(String name, boolean deferred, UdevFlags udev) {
    DmNames.checkName("DM_DEV_REMOVE", name);
    call(DmIoctl.DM_DEV_REMOVE, name, deferred ? DM_DEFERRED_REMOVE : 0, 0,
        b -> DmIoctlCodec.putCookie(b, ueventCookie(udev)));
  }

  @Override
  public void rename(String name, String newName, UdevFlags udev) {
    DmNames.checkName("DM_DEV_RENAME", name);
    DmNames.checkName("DM_DEV_RENAME", newName);
    int payload = newName.getBytes(StandardCharsets.UTF_8).length + 1;
    call(DmIoctl.DM_DEV_RENAME, name, 0, payload, b -> {
      DmIoctlCodec.putDataString(b, newName);
      DmIoctlCodec.putCookie(b, ueventCookie(udev));
    });
  }

  @Override
  public List<DmTarget> table(String name) {
    DmNames.checkName("DM_TABLE_STATUS", name);
    ByteBuffer b = call(DmIoctl.DM_TABLE_STATUS, name, DM_STATUS_TABLE_FLAG);
    return decode(DmIoctl.DM_TABLE_STATUS, name, DmIoctlCodec::targets, b);
  }

  @Override
  public List<DmTarget> status(String name) {
    DmNames.checkName("DM_TABLE_STATUS", name);
    ByteBuffer b = call(DmIoctl.DM_TABLE_STATUS, name, DM_NOFLUSH_FLAG);
    return decode(DmIoctl.DM_TABLE_STATUS, name, DmIoctlCodec::targets, b);
  }

  @Override
  public List<DevT> deps(String name) {
    DmNames.checkName("DM_TABLE_DEPS", name);
    ByteBuffer b = call(DmIoctl.DM_TABLE_DEPS, name, 0);
    return decode(DmIoctl.DM_TABLE_DEPS, name, DmIoctlCodec::deps, b);
  }

  @Override
  public String message(String name, long sector, String message) {
    DmNames.checkName("DM_TARGET_MSG", name);
    if (message == null || message.isBlank()) {
      throw DmException.invalid("DM_TARGET_MSG", name, "empty message");
    }
    int payload = 8 + message.getBytes(StandardCharsets.UTF_8).length + 1;
    ByteBuffer b = call(DmIoctl.DM_TARGET_MSG, name, 0, payload, buf -> DmIoctlCodec.putMessage(buf, sector, message));
    return decode(DmIoctl.DM_TARGET_MSG, name, DmIoctlCodec::dataString, b);
  }

  @Override
  public List<TargetVersion> targetVersions() {
    ByteBuffer b = call(DmIoctl.DM_LIST_VERSIONS, null, 0);
    return decode(DmIoctl.DM_LIST_VERSIONS, null, DmIoctlCodec::versions, b);
  }

  @Override
  public DmEvents events() {
    return new IoctlDmEvents(control.reopen(), this);
  }

  @Override
  public void close() {
    control.close();
  }
}
