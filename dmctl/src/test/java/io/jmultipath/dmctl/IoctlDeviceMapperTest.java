package io.jmultipath.dmctl;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.dmctl.ioctl.DmIoctl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IoctlDeviceMapper specifics, over the fake ioctl layer. */
class IoctlDeviceMapperTest {
  static final DevT P1 = new DevT(8, 16);
  static final DevT P2 = new DevT(8, 32);
  static final String TABLE = "0 0 1 1 round-robin 0 2 1 8:16 1 8:32 1";
  FakeKernelControl fake;
  IoctlDeviceMapper dm;

  @BeforeEach
  void setUp() {
    fake = new FakeKernelControl(Set.of(P1, P2)::contains);
    dm = new IoctlDeviceMapper(fake);
  }

  static List<DmTarget> table(String params) {
    return List.of(new DmTarget(0, 1000, "multipath", params));
  }

  @Test
  void invalidNamesNeverReachTheKernel() {
    for (String bad : List.of("a".repeat(128), "x/y", "..", "")) {
      assertThrows(DmException.class, () -> dm.create(bad, null, table(TABLE)));
      assertThrows(DmException.class, () -> dm.remove(bad, false));
      assertThrows(DmException.class, () -> dm.message(bad, 0, "fail_if_no_path"));
    }
    DmException e = assertThrows(DmException.class, () -> dm.create("a".repeat(128), null, table(TABLE)));
    assertTrue(e.getMessage().endsWith("device name is 128 bytes long (max 127)"), e.getMessage());
    e = assertThrows(DmException.class, () -> dm.rename("x", "y/z"));
    assertEquals("DM_DEV_RENAME y/z: device name must not contain '/'", e.getMessage());
    assertEquals(0, fake.totalCalls());
    dm.create("a".repeat(127), null, table(TABLE));   // 127 bytes is fine
  }

  /**
   * The raw event_nr of each ioctl, as libdevmapper sends them: the caller's flags on
   * DM_DEV_CREATE (no PRIMARY_SOURCE: the kernel's "add" uevent carries no cookie), flags |
   * PRIMARY_SOURCE on the resume, remove and rename; nothing on load and messages.
   */
  @Test
  void uEventIoctlsCarryTheCookieInEventNr() {
    UdevFlags f = MpathUdevFlags.create(true, true);   // 0x0620
    dm.create("mpatha", "mpath-x", table(TABLE), f);
    assertEquals(0x06200000, fake.lastEventNr.get(DmIoctl.DM_DEV_CREATE));
    assertEquals(0, fake.lastEventNr.get(DmIoctl.DM_TABLE_LOAD));
    assertEquals(0x06600000, fake.lastEventNr.get(DmIoctl.DM_DEV_SUSPEND));
    dm.load("mpatha", table("0 0 1 1 round-robin 0 1 1 8:32 1"));
    dm.resume("mpatha", MpathUdevFlags.reload(false, false, false));
    assertEquals(0x01600000, fake.lastEventNr.get(DmIoctl.DM_DEV_SUSPEND));
    dm.suspend("mpatha", true, true);
    assertEquals(0, fake.lastEventNr.get(DmIoctl.DM_DEV_SUSPEND), "a suspend carries no cookie");
    dm.resume("mpatha");
    assertEquals(0x00400000, fake.lastEventNr.get(DmIoctl.DM_DEV_SUSPEND), "PRIMARY_SOURCE alone");
    dm.rename("mpatha", "mpathb", MpathUdevFlags.rename(true));
    assertEquals(0x02600000, fake.lastEventNr.get(DmIoctl.DM_DEV_RENAME));
    dm.message("mpathb", 0, "fail_path 8:32");
    assertEquals(0, fake.lastEventNr.get(DmIoctl.DM_TARGET_MSG));
    dm.remove("mpathb", false, MpathUdevFlags.remove());
    assertEquals(0x00600000, fake.lastEventNr.get(DmIoctl.DM_DEV_REMOVE));
    List<String> log = fake.kernel.uevents().stream().map(DmUevent::line).toList();
    assertEquals(List.of(
        "1 add mpatha 253:0",
        "2 change mpatha 253:0 DM_COOKIE=106954752 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE|SUBSYSTEM_1|SUBSYSTEM_2",
        "3 change mpatha 253:0 DM_COOKIE=23068672 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE|SUBSYSTEM_0",
        "4 change mpatha 253:0 DM_COOKIE=4194304 PRIMARY_SOURCE",
        "5 change mpathb 253:0 DM_COOKIE=39845888 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE|SUBSYSTEM_1",
        "6 remove mpathb 253:0 DM_COOKIE=6291456 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE"), log);
  }

  @Test
  void failedCreateCleanupRemoveHasNoCallerFlags() {
    fake.failNext.put(DmIoctl.DM_TABLE_LOAD, Errno.EINVAL);
    assertThrows(DmException.class, () -> dm.create("mpatha", "mpath-x", table(TABLE), MpathUdevFlags.create(true, false)));
    assertEquals(0x00400000, fake.lastEventNr.get(DmIoctl.DM_DEV_REMOVE));
  }

  @Test
  void kernelErrnoBecomesNamedException() {
    dm.create("mpatha", null, List.of());
    fake.failNext.put(DmIoctl.DM_TABLE_LOAD, Errno.EINVAL);
    DmException e = assertThrows(DmException.class, () -> dm.load("mpatha", table(TABLE)));
    assertEquals("DM_TABLE_LOAD mpatha: EINVAL (Invalid argument)", e.getMessage());
    assertEquals("DM_TABLE_LOAD", e.operation());
    assertEquals(Optional.of("mpatha"), e.device());
    assertEquals(Optional.of("EINVAL"), e.errno());
  }

  @Test
  void failedLoadInCreateRemovesTheEmptyDevice() {
    fake.failNext.put(DmIoctl.DM_TABLE_LOAD, Errno.ENOMEM);
    DmException e = assertThrows(DmException.class, () -> dm.create("mpatha", "mpath-x", table(TABLE)));
    assertEquals("DM_TABLE_LOAD mpatha: ENOMEM (Cannot allocate memory)", e.getMessage());
    assertEquals(1, fake.calls(DmIoctl.DM_DEV_CREATE));
    assertEquals(1, fake.calls(DmIoctl.DM_DEV_REMOVE));
    assertTrue(dm.info("mpatha").isEmpty());
    assertTrue(dm.list().isEmpty());
  }

  @Test
  void failedResumeInCreateRemovesTheDevice() {
    fake.failNext.put(DmIoctl.DM_DEV_SUSPEND, Errno.EIO);
    assertThrows(DmException.class, () -> dm.create("mpatha", "mpath-x", table(TABLE)));
    assertTrue(dm.info("mpatha").isEmpty());
  }

  @Test
  void failedCleanupIsAttachedAsSuppressed() {
    fake.failNext.put(DmIoctl.DM_TABLE_LOAD, Errno.EINVAL);
    fake.failNext.put(DmIoctl.DM_DEV_REMOVE, Errno.EBUSY);
    DmException e = assertThrows(DmException.class, () -> dm.create("mpatha", null, table(TABLE)));
    assertEquals("DM_TABLE_LOAD mpatha: EINVAL (Invalid argument)", e.getMessage());
    assertEquals("DM_DEV_REMOVE mpatha: EBUSY (Device or resource busy)", e.getSuppressed()[0].getMessage());
  }

  @Test
  void listOfManyMapsGrowsTheBufferOnBufferFull() {
    for (int i = 0; i < 400; i++) {
      dm.create(String.format("mpath-with-a-rather-long-name-%04d", i), "mpath-3600a0b80000" + i, List.of());
    }
    List<DmDevice> all = dm.list();
    assertEquals(400, all.size());
    assertTrue(fake.calls(DmIoctl.DM_LIST_DEVICES) > 1, "retried after DM_BUFFER_FULL_FLAG");
    DmDevice d = all.get(7);
    assertEquals("mpath-with-a-rather-long-name-0007", d.name());
    assertEquals(Optional.of("mpath-3600a0b800007"), d.uuid());
    assertEquals(new DevT(253, 7), d.dev());
  }

  @Test
  void largeStatusGrowsTheBuffer() {
    StringBuilder sb = new StringBuilder("0 0 1 1 round-robin 0 2500 1");
    Set<DevT> devs = new java.util.HashSet<>();
    for (int i = 0; i < 2500; i++) {
      DevT d = new DevT(65 + i / 256, i % 256);
      devs.add(d);
      sb.append(' ').append(d).append(" 1");
    }
    fake = new FakeKernelControl(devs::contains);
    dm = new IoctlDeviceMapper(fake);
    dm.create("big", null, table(sb.toString()));
    assertEquals(2500, MultipathStatus.parse(dm.status("big").get(0).params()).groups().get(0).paths().size());
    assertEquals(sb.toString(), dm.table("big").get(0).params());
    assertTrue(fake.calls(DmIoctl.DM_TABLE_STATUS) >= 4);
    assertEquals(2500, dm.deps("big").size());
  }

  @Test
  void oldKernelWithoutEventNrInNameList() {
    fake.versionMinor = 36;
    dm.create("mpatha", "mpath-x", table(TABLE));
    dm.message("mpatha", 0, "fail_path 8:16");
    DmDevice d = dm.list().get(0);
    assertEquals(0, d.eventNr());
    assertEquals(Optional.empty(), d.uuid());
    assertEquals(1, dm.info("mpatha").orElseThrow().eventNr());
  }

  @Test
  void eventsFallBackWhenArmPollIsUnsupported() throws Exception {
    fake.armPollSupported = false;
    dm.create("mpatha", "mpath-x", table(TABLE));
    try (DmEvents ev = dm.events()) {
      assertFalse(ev.await(Duration.ofMillis(30)));
      dm.message("mpatha", 0, "fail_path 8:16");
      assertTrue(ev.await(Duration.ofSeconds(10)));
      assertFalse(ev.await(Duration.ofMillis(30)));
      // a DM_DEV_WAIT waiter is now blocked on mpatha: an event wakes await() through it
      java.util.concurrent.CompletableFuture<Boolean> woke = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return ev.await(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      dm.message("mpatha", 0, "reinstate_path 8:16");
      assertTrue(woke.get(30, java.util.concurrent.TimeUnit.SECONDS));
      dm.create("mpathb", null, List.of());
      assertTrue(ev.await(Duration.ofSeconds(10)), "a new map is noticed by the rescan");
    }
    assertTrue(fake.calls(DmIoctl.DM_DEV_WAIT) >= 1, "DM_DEV_WAIT was used");
  }

  @Test
  void armPollEventsRearm() throws InterruptedException {
    dm.create("mpatha", "mpath-x", table(TABLE));
    try (DmEvents ev = dm.events()) {
      assertFalse(ev.await(Duration.ofMillis(20)));
      dm.message("mpatha", 0, "fail_path 8:16");
      assertTrue(ev.await(Duration.ofSeconds(10)));
      assertFalse(ev.await(Duration.ofMillis(20)), "re-armed after the event was seen");
      dm.message("mpatha", 0, "reinstate_path 8:16");
      assertTrue(ev.await(Duration.ofSeconds(10)));
    }
    assertTrue(fake.calls(DmIoctl.DM_DEV_ARM_POLL) >= 3);
  }

  @Test
  void messagesVersionsAndTargets() {
    assertEquals(new DmVersion(4, 47, 0), dm.driverVersion());
    assertEquals(List.of("multipath", "linear", "zero", "error"),
        dm.targetVersions().stream().map(TargetVersion::name).toList());
    assertEquals("1.15.0", dm.targetVersions().get(0).version());
    dm.create("mpatha", null, table(TABLE));
    assertEquals("", dm.message("mpatha", 0, "queue_if_no_path"));
    assertEquals("1 queue_if_no_path 0 1 1 round-robin 0 2 1 8:16 1 8:32 1", dm.table("mpatha").get(0).params());
  }
}
