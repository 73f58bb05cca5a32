package io.jmultipath.dmctl;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DeviceMapper} must show, run against the emulated kernel, the
 * ioctl implementation over a fake ioctl layer, and (tag vm) the ioctl implementation on a real
 * dm-multipath kernel. Maps are named "jmtest-*" and removed after each test.
 */
abstract class DeviceMapperContract {
  static final String A = "jmtest-a";
  static final String B = "jmtest-b";
  static final Duration EVENT_WAIT = Duration.ofSeconds(10);

  protected DeviceMapper dm;

  /** A fresh DeviceMapper for one test. */
  protected abstract DeviceMapper open();

  /** Two existing path devices (for the real kernel: two paths to one LUN). */
  protected abstract List<DevT> paths();

  /** A dev_t that does not exist. */
  protected abstract DevT missingDevice();

  /** Reads back the udev flags of the last "change" uevent of a map, as udev's dm rules saw them. */
  protected interface UeventProbe {
    UdevFlags lastChange(DevT dev) throws Exception;
  }

  /** How this implementation's uevents are observed; empty = not observable here (the test skips). */
  protected Optional<UeventProbe> uevents() {
    return Optional.empty();
  }

  /** The cookie of the last change uevent of {@code dev} in an emulated kernel's uevent log. */
  static UdevFlags lastChange(List<DmUevent> log, DevT dev) {
    for (int i = log.size() - 1; i >= 0; i--) {
      DmUevent u = log.get(i);
      if (u.dev().equals(dev) && u.action() == DmUevent.Action.CHANGE) {
        return u.cookie().orElse(UdevFlags.NONE);
      }
    }
    throw new AssertionError("no change uevent for " + dev + " in " + log);
  }

  /** Size of the maps created, in 512-byte sectors. */
  protected long sectors() {
    return 2048;
  }

  @BeforeEach
  void openDm() {
    dm = open();
  }

  @AfterEach
  void cleanUp() throws InterruptedException {
    if (dm == null) {
      return;
    }
    try {
      for (DmDevice d : dm.list()) {
        if (d.name().startsWith("jmtest-")) {
          removeWithRetry(d.name());
        }
      }
    } finally {
      dm.close();
    }
  }

  /** Real udev may hold a new map open for a moment (blkid): retry EBUSY for a few seconds. */
  protected void removeWithRetry(String name) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    try (DmEvents ev = dm.events()) {
      while (true) {
        try {
          dm.info(name).filter(DmInfo::suspended).ifPresent(i -> dm.resume(name));
          dm.remove(name, false);
          return;
        } catch (DmException e) {
          if (!e.errno().equals(Optional.of("EBUSY")) || System.nanoTime() > deadline) {
            throw e;
          }
          ev.await(Duration.ofMillis(100));
        }
      }
    }
  }

  /** Two groups of one path each: round-robin, one per-path arg. */
  protected String twoGroupTable() {
    return "0 0 2 1 round-robin 0 1 1 " + paths().get(0) + " 1 round-robin 0 1 1 " + paths().get(1) + " 1";
  }

  protected List<DmTarget> table(String params) {
    return List.of(new DmTarget(0, sectors(), "multipath", params));
  }

  protected DmInfo createA() {
    // not "mpath-": a multipathd that happens to run must not adopt the test maps
    return dm.create(A, "jmtest-uuid-" + System.nanoTime(), table(twoGroupTable()));
  }

  protected MultipathStatus statusOf(String name) {
    List<DmTarget> s = dm.status(name);
    assertEquals(1, s.size());
    assertEquals("multipath", s.get(0).type());
    return MultipathStatus.parse(s.get(0).params());
  }

  protected MultipathTable tableOf(String name) {
    List<DmTarget> t = dm.table(name);
    assertEquals(1, t.size());
    assertEquals(new DmTarget(0, sectors(), "multipath", t.get(0).params()), t.get(0));
    return MultipathTable.parse(t.get(0).params());
  }

  /** Awaits a condition using the DM event mechanism (no sleeping). */
  protected void awaitCondition(DmEvents ev, BooleanSupplier cond, String what) throws InterruptedException {
    long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
    while (!cond.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        fail("timed out waiting for " + what);
      }
      ev.await(Duration.ofNanos(Math.min(left, Duration.ofMillis(200).toNanos())));
    }
  }

  @Test
  void driverAndTargetVersions() {
    assertEquals(4, dm.driverVersion().major());
    assertTrue(dm.targetVersions().stream().anyMatch(t -> t.name().equals("multipath")), "multipath target present");
  }

  @Test
  void createListInfoTableStatusDeps() {
    DmInfo created = createA();
    assertEquals(A, created.name());
    assertTrue(created.liveTable());
    assertFalse(created.inactiveTable());
    assertFalse(created.suspended());
    assertEquals(1, created.targetCount());
    assertTrue(created.uuid().orElseThrow().startsWith("jmtest-uuid-"));
    DmDevice listed = dm.list().stream().filter(d -> d.name().equals(A)).findFirst().orElseThrow();
    assertEquals(created.dev(), listed.dev());
    assertEquals(created.uuid(), listed.uuid());
    DmInfo again = dm.info(A).orElseThrow();
    assertEquals(List.of(created.name(), created.dev(), created.uuid()), List.of(again.name(), again.dev(), again.uuid()));

    MultipathTable t = tableOf(A);
    assertEquals(paths(), t.devices());
    assertEquals(2, t.groups().size());
    assertEquals("round-robin", t.groups().get(0).selector().name());
    MultipathStatus s = statusOf(A);
    assertEquals(2, s.groups().size());
    for (DevT p : paths()) {
      MultipathStatus.PathStatus ps = s.path(p).orElseThrow();
      assertTrue(ps.active());
      assertEquals(0, ps.failCount());
    }
    assertEquals(List.copyOf(new java.util.TreeSet<>(paths().stream().map(DevT::toString).toList())),
        dm.deps(A).stream().map(DevT::toString).sorted().toList());
  }

  @Test
  void failAndReinstatePathRaiseEvents() throws InterruptedException {
    createA();
    DevT p0 = paths().get(0);
    try (DmEvents ev = dm.events()) {
      int before = dm.info(A).orElseThrow().eventNr();
      dm.message(A, 0, "fail_path " + p0);
      awaitCondition(ev, () -> dm.info(A).orElseThrow().eventNr() > before, "event_nr after fail_path");
    }
    MultipathStatus.PathStatus failed = statusOf(A).path(p0).orElseThrow();
    assertFalse(failed.active());
    assertEquals(1, failed.failCount());
    try (DmEvents ev = dm.events()) {
      int before = dm.info(A).orElseThrow().eventNr();
      dm.message(A, 0, "reinstate_path " + p0);
      awaitCondition(ev, () -> dm.info(A).orElseThrow().eventNr() > before, "event_nr after reinstate_path");
    }
    assertTrue(statusOf(A).path(p0).orElseThrow().active());
    assertEquals(1, statusOf(A).path(p0).orElseThrow().failCount());
  }

  @Test
  void groupMessagesAndFeatureMessages() {
    createA();
    dm.message(A, 0, "disable_group 2");
    assertEquals(MultipathStatus.GroupState.DISABLED, statusOf(A).groups().get(1).state());
    dm.message(A, 0, "enable_group 2");
    assertNotEquals(MultipathStatus.GroupState.DISABLED, statusOf(A).groups().get(1).state());
    dm.message(A, 0, "switch_group 2");
    assertEquals(2, statusOf(A).currentPg());
    dm.message(A, 0, "queue_if_no_path");
    assertTrue(tableOf(A).queueIfNoPath());
    dm.message(A, 0, "fail_if_no_path");
    assertFalse(tableOf(A).queueIfNoPath());
  }

  /** switch_group and disable_group raise a table event (dm-mpath: schedule_work(&m->trigger_event)). */
  @Test
  void groupMessagesRaiseEvents() throws InterruptedException {
    createA();
    for (String msg : List.of("switch_group 2", "disable_group 1", "enable_group 1", "switch_group 1")) {
      try (DmEvents ev = dm.events()) {
        int before = dm.info(A).orElseThrow().eventNr();
        dm.message(A, 0, msg);
        awaitCondition(ev, () -> dm.info(A).orElseThrow().eventNr() > before, "event_nr after " + msg);
      }
    }
    assertEquals(1, statusOf(A).currentPg());
  }

  @Test
  void badMessagesAreEinval() {
    createA();
    for (String m : List.of("switch_group 3", "switch_group 0", "frobnicate 1", "fail_path " + missingDevice())) {
      DmException e = assertThrows(DmException.class, () -> dm.message(A, 0, m), m);
      assertTrue(e.errno().isPresent(), m + ": " + e.getMessage());
      assertEquals("DM_TARGET_MSG", e.operation());
      assertEquals(Optional.of(A), e.device());
      assertTrue(e.getMessage().startsWith("DM_TARGET_MSG " + A + ": E"), e.getMessage());
    }
  }

  @Test
  void suspendedMapRefusesMessagesWithEbusy() {
    createA();
    dm.suspend(A, true, true);
    assertTrue(dm.info(A).orElseThrow().suspended());
    DmException e = assertThrows(DmException.class, () -> dm.message(A, 0, "fail_path " + paths().get(0)));
    assertEquals(Optional.of("EBUSY"), e.errno());
    dm.resume(A);
    assertFalse(dm.info(A).orElseThrow().suspended());
    dm.message(A, 0, "fail_path " + paths().get(0));
    dm.message(A, 0, "reinstate_path " + paths().get(0));
  }

  @Test
  void reloadGoesLiveOnResume() {
    createA();
    String swapped = "1 queue_if_no_path 0 1 1 round-robin 0 2 1 " + paths().get(1) + " 1 " + paths().get(0) + " 1";
    dm.load(A, table(swapped));
    DmInfo loaded = dm.info(A).orElseThrow();
    assertTrue(loaded.inactiveTable());
    assertEquals(2, tableOf(A).groups().size(), "live table unchanged until resume");
    dm.resume(A);
    DmInfo resumed = dm.info(A).orElseThrow();
    assertFalse(resumed.inactiveTable());
    MultipathTable t = tableOf(A);
    assertEquals(1, t.groups().size());
    assertEquals(List.of(paths().get(1), paths().get(0)), t.devices());
    assertTrue(t.queueIfNoPath());
  }

  /**
   * A table that uses a dm device holds it open, as kpartx partitions or LVM on a map do: the
   * open count says so and removal is EBUSY until the user is gone (udev's probes may hold it
   * open a moment longer, hence the waits).
   */
  @Test
  void aDeviceUsedByAnotherTableIsHeldOpen() throws InterruptedException {
    DmInfo a = createA();
    dm.create(B, "jmtest-uuid-b-" + System.nanoTime(),
        List.of(new DmTarget(0, 8, "linear", a.dev().major() + ":" + a.dev().minor() + " 0")));
    assertTrue(dm.info(A).orElseThrow().openCount() >= 1, "held open by " + B);
    DmException busy = assertThrows(DmException.class, () -> dm.remove(A, false));
    assertEquals(Optional.of("EBUSY"), busy.errno());
    removeWithRetry(B);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (dm.info(A).orElseThrow().openCount() != 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0, dm.info(A).orElseThrow().openCount());
  }

  @Test
  void renameAndRemove() throws InterruptedException {
    DmInfo a = createA();
    dm.rename(A, B);
    assertTrue(dm.info(A).isEmpty());
    DmInfo b = dm.info(B).orElseThrow();
    assertEquals(a.dev(), b.dev());
    assertEquals(a.uuid(), b.uuid());
    removeWithRetry(B);
    assertTrue(dm.info(B).isEmpty());
    DmException e = assertThrows(DmException.class, () -> dm.remove(B, false));
    assertEquals(Optional.of("ENXIO"), e.errno());
    assertEquals("DM_DEV_REMOVE " + B + ": ENXIO (No such device or address)", e.getMessage());
  }

  /**
   * The ioctls that emit uevents carry the caller's udev flags plus PRIMARY_SOURCE (as from
   * libdevmapper): create's resume, a reload's resume, rename. Flags as multipathd sends them.
   */
  @Test
  void ueventsCarryTheUdevCookie() throws Exception {
    Optional<UeventProbe> probe = uevents();
    org.junit.jupiter.api.Assumptions.assumeTrue(probe.isPresent(), "uevents not observable here");
    UdevFlags.Flag primary = UdevFlags.Flag.PRIMARY_SOURCE;
    UdevFlags created = MpathUdevFlags.create(true, false);
    DmInfo a = dm.create(A, "jmtest-uuid-" + System.nanoTime(), table(twoGroupTable()), created);
    assertEquals(created.with(primary), probe.get().lastChange(a.dev()), "create");
    assertEquals("DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE|SUBSYSTEM_1", created.with(primary).toString());

    dm.load(A, table("0 0 1 1 round-robin 0 2 1 " + paths().get(1) + " 1 " + paths().get(0) + " 1"));
    UdevFlags reload = MpathUdevFlags.reload(false, false, false);
    dm.resume(A, reload);
    assertEquals(reload.with(primary), probe.get().lastChange(a.dev()), "reload");

    dm.rename(A, B, MpathUdevFlags.rename(false));
    assertEquals(UdevFlags.of(UdevFlags.Flag.DISABLE_LIBRARY_FALLBACK, primary), probe.get().lastChange(a.dev()),
        "rename");
    dm.rename(B, A);   // no flags given: PRIMARY_SOURCE alone, as libdevmapper without a cookie
    assertEquals(UdevFlags.of(primary), probe.get().lastChange(a.dev()), "rename without flags");
  }

  @Test
  void duplicateNameIsEbusyAndKeepsTheOriginal() {
    DmInfo a = createA();
    DmException e = assertThrows(DmException.class,
        () -> dm.create(A, "jmtest-uuid-other", table(twoGroupTable())));
    assertEquals(Optional.of("EBUSY"), e.errno());
    assertEquals(a.dev(), dm.info(A).orElseThrow().dev());
  }

  @Test
  void nonexistentPathDeviceFailsAndLeavesNothing() {
    String bad = "0 0 1 1 round-robin 0 2 1 " + paths().get(0) + " 1 " + missingDevice() + " 1";
    DmException e = assertThrows(DmException.class, () -> dm.create(A, "jmtest-uuid-bad", table(bad)));
    assertTrue(e.errno().isPresent(), e.getMessage());
    assertEquals("DM_TABLE_LOAD", e.operation());
    assertTrue(dm.info(A).isEmpty(), "the empty device was removed");
  }

  @Test
  void invalidNamesAreRefusedBeforeTheKernel() {
    String longName = "jmtest-" + "x".repeat(121);
    for (String name : List.of(longName, "jmtest/a", "", "jmtest a")) {
      DmException e = assertThrows(DmException.class, () -> dm.create(name, null, table(twoGroupTable())));
      assertTrue(e.errno().isEmpty(), e.getMessage());
      assertTrue(e.getMessage().startsWith("DM_DEV_CREATE"), e.getMessage());
    }
    assertTrue(dm.list().stream().noneMatch(d -> d.name().startsWith("jmtest")));
  }

  @Test
  void malformedTableIsRefusedBeforeTheKernel() {
    DmException e = assertThrows(DmException.class,
        () -> dm.create(A, null, table("0 0 1 1 round-robin 0 1 1 sdb 1")));
    assertEquals("DM_TABLE_LOAD " + A + ": multipath table (word 9): group 1 path 1 device is not major:minor: 'sdb'",
        e.getMessage());
    assertTrue(dm.info(A).isEmpty());
  }
}
