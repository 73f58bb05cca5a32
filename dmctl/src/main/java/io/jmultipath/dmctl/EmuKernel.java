package io.jmultipath.dmctl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The state and rules of the emulated device-mapper (no I/O, no locking: the caller serialises).
 * Errors are DmExceptions with the errno the real kernel returns.
 */
final class EmuKernel {
  static final int DEFAULT_MAJOR = 253;
  int major = DEFAULT_MAJOR;   // the dynamic block major device-mapper got (253 or 254 on real systems)
  final TreeMap<String, EmuMap> maps = new TreeMap<>();
  final Set<DevT> ioErrors = new HashSet<>();
  long events;        // global event counter (what DM_DEV_ARM_POLL watches)
  long generation;    // bumped on every persisted change
  /** The last {@link #UEVENT_LOG} uevents, oldest first (persisted with the state). */
  final java.util.ArrayDeque<DmUevent> uevents = new java.util.ArrayDeque<>();
  long ueventSeq;
  static final int UEVENT_LOG = 64;
  boolean dirty;
  private Predicate<DevT> exists;
  java.util.function.LongSupplier clock = System::nanoTime;

  EmuKernel(Predicate<DevT> exists) {
    this.exists = exists;
  }

  void setExists(Predicate<DevT> exists) {
    this.exists = exists;
  }

  private boolean deviceExists(DevT d) {
    if (d.major() == major) {
      return maps.values().stream().anyMatch(m -> m.minor == d.minor());
    }
    return exists.test(d);
  }

  EmuMap get(String op, String name) {
    EmuMap m = maps.get(name);
    if (m == null) {
      throw DmException.errno(op, name, Errno.ENXIO);
    }
    return m;
  }

  void globalEvent() {
    events++;
    dirty = true;
  }

  /** Records a uevent of map {@code m} (after the operation: its current name and dev_t). */
  void uevent(DmUevent.Action action, EmuMap m, Optional<UdevFlags> cookie) {
    uevents.addLast(new DmUevent(++ueventSeq, action, m.name, new DevT(major, m.minor), cookie));
    while (uevents.size() > UEVENT_LOG) {
      uevents.removeFirst();
    }
    dirty = true;
  }

  void mapEvent(EmuMap m) {
    m.eventNr++;
    globalEvent();
  }

  DmInfo info(EmuMap m) {
    int targets = m.live == null ? 0 : m.live.size();
    return new DmInfo(m.name, new DevT(major, m.minor), m.uuid, m.eventNr, m.openCount + holders(m), targets,
        m.suspended, m.readOnly, m.live != null, m.inactive != null);
  }

  /** Like the kernel, a table that uses a dm device holds it open (kpartx partitions, LVM on a map). */
  private int holders(EmuMap m) {
    DevT dev = new DevT(major, m.minor);
    int n = 0;
    for (EmuMap other : maps.values()) {
      if (other != m && other.deps().contains(dev)) {
        n++;
      }
    }
    return n;
  }

  List<DmDevice> list() {
    List<DmDevice> out = new ArrayList<>();
    for (EmuMap m : maps.values()) {
      out.add(new DmDevice(m.name, new DevT(major, m.minor), m.uuid, m.eventNr));
    }
    return out;
  }

  void create(String name, String uuid) {
    if (maps.containsKey(name)) {
      throw DmException.errno("DM_DEV_CREATE", name, Errno.EBUSY, "a device named " + name + " exists");
    }
    Optional<String> u = uuid == null || uuid.isEmpty() ? Optional.empty() : Optional.of(uuid);
    if (u.isPresent() && maps.values().stream().anyMatch(m -> m.uuid.equals(u))) {
      throw DmException.errno("DM_DEV_CREATE", name, Errno.EBUSY, "uuid " + uuid + " is in use");
    }
    int minor = 0;
    Set<Integer> used = new HashSet<>();
    maps.values().forEach(m -> used.add(m.minor));
    while (used.contains(minor)) {
      minor++;
    }
    EmuMap m = new EmuMap(name, u, minor);
    maps.put(name, m);
    uevent(DmUevent.Action.ADD, m, Optional.empty());   // the kernel's "add" carries no cookie
    globalEvent();
  }

  void load(String name, List<DmTarget> table) {
    EmuMap m = get("DM_TABLE_LOAD", name);
    MpathTarget mp = null;
    boolean hasMp = table.stream().anyMatch(t -> t.type().equals(MultipathTable.TARGET_TYPE));
    if (hasMp && table.size() != 1) {
      throw DmException.errno("DM_TABLE_LOAD", name, Errno.EINVAL, "multipath target must be the only target");
    }
    if (m.live != null && (m.liveMp != null) != hasMp) {
      throw DmException.errno("DM_TABLE_LOAD", name, Errno.EINVAL, "cannot change target type of a multipath device");
    }
    for (DmTarget t : table) {
      try {
        switch (t.type()) {
          case "multipath" -> mp = MpathTarget.construct(t.params(), this::deviceExists, clock);
          case "linear" -> checkLinear(t.params());
          case "error", "zero" -> {
            if (!t.params().isBlank()) {
              throw new IllegalArgumentException(t.type() + " target takes no arguments");
            }
          }
          default -> throw new IllegalArgumentException("unknown target type '" + t.type() + "'");
        }
      } catch (IllegalArgumentException e) {
        throw DmException.errno("DM_TABLE_LOAD", name, Errno.EINVAL, t.type() + ": " + e.getMessage());
      }
    }
    m.inactive = List.copyOf(table);
    m.inactiveMp = mp;
    dirty = true;
  }

  private void checkLinear(String params) {
    String[] w = params.strip().split("\\s+");
    if (w.length != 2) {
      throw new IllegalArgumentException("invalid argument count");
    }
    DevT d = DevT.parse(w[0]);
    if (!deviceExists(d)) {
      throw new IllegalArgumentException("error getting device " + d);
    }
    Long.parseLong(w[1]);
  }

  void suspend(String name) {
    EmuMap m = get("DM_DEV_SUSPEND", name);
    if (!m.suspended) {
      m.suspended = true;
      dirty = true;
    }
  }

  /**
   * DM_DEV_SUSPEND without DM_SUSPEND_FLAG. Like dm-ioctl.c do_resume, a "change" uevent with
   * the cookie is emitted only when the device actually resumes (it was suspended, or a new table
   * was swapped in, which suspends it first).
   */
  void resume(String name, Optional<UdevFlags> cookie) {
    EmuMap m = get("DM_DEV_SUSPEND", name);
    boolean swapped = m.inactive != null;
    if (swapped || m.suspended) {
      uevent(DmUevent.Action.CHANGE, m, cookie);
    }
    if (swapped) {
      m.live = m.inactive;
      m.liveMp = m.inactiveMp;
      m.inactive = null;
      m.inactiveMp = null;
    }
    m.suspended = false;
    globalEvent();
    long held = m.heldWhileSuspended;
    m.heldWhileSuspended = 0;
    for (long i = 0; i < held; i++) {
      EmuTargetOps.submit(this, name, 4096, clock.getAsLong());   // I/O held while suspended goes on now
    }
  }

  /** DM_DEV_REMOVE; a postponed deferred removal emits its "remove" (without cookie) when it happens. */
  void remove(String name, boolean deferred, Optional<UdevFlags> cookie) {
    EmuMap m = get("DM_DEV_REMOVE", name);
    if (m.openCount > 0) {
      if (deferred) {
        m.deferredRemove = true;
        dirty = true;
        return;
      }
      throw DmException.errno("DM_DEV_REMOVE", name, Errno.EBUSY, "device is open (open count " + m.openCount + ")");
    }
    for (EmuMap other : maps.values()) {
      if (other != m && other.deps().contains(new DevT(major, m.minor))) {
        throw DmException.errno("DM_DEV_REMOVE", name, Errno.EBUSY, "device is used by " + other.name);
      }
    }
    maps.remove(name);
    uevent(DmUevent.Action.REMOVE, m, cookie);
    globalEvent();
  }

  void rename(String name, String newName, Optional<UdevFlags> cookie) {
    EmuMap m = get("DM_DEV_RENAME", name);
    if (maps.containsKey(newName)) {
      throw DmException.errno("DM_DEV_RENAME", name, Errno.EBUSY, "a device named " + newName + " exists");
    }
    maps.remove(name);
    m.name = newName;
    maps.put(newName, m);
    uevent(DmUevent.Action.CHANGE, m, cookie);
    globalEvent();
  }

  List<DmTarget> table(String name) {
    EmuMap m = get("DM_TABLE_STATUS", name);
    if (m.live == null) {
      return List.of();
    }
    if (m.liveMp != null) {
      DmTarget t = m.live.get(0);
      return List.of(new DmTarget(t.start(), t.length(), t.type(), m.liveMp.tableParams()));
    }
    return m.live;
  }

  List<DmTarget> status(String name) {
    EmuMap m = get("DM_TABLE_STATUS", name);
    if (m.live == null) {
      return List.of();
    }
    List<DmTarget> out = new ArrayList<>();
    for (DmTarget t : m.live) {
      String params = m.liveMp != null ? m.liveMp.statusParams() : "";
      out.add(new DmTarget(t.start(), t.length(), t.type(), params));
    }
    return out;
  }

  void setOpenCount(String name, int count) {
    EmuMap m = get("set open count", name);
    m.openCount = Math.max(0, count);
    dirty = true;
    if (m.openCount == 0 && m.deferredRemove) {
      remove(name, false, Optional.empty());
    }
  }
}
