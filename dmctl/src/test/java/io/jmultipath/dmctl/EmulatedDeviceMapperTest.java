package io.jmultipath.dmctl;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Emulated-kernel specifics: validation, I/O routing through the selectors, sharing via a file. */
class EmulatedDeviceMapperTest {
  static final DevT A = new DevT(8, 16);
  static final DevT B = new DevT(8, 32);
  static final DevT C = new DevT(8, 48);
  final Set<DevT> existing = new HashSet<>(Set.of(A, B, C));
  final AtomicLong clock = new AtomicLong(1_000_000);
  EmulatedDeviceMapper dm;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    dm = EmulatedDeviceMapper.inMemory(existing::contains, clock::get);
  }

  static List<DmTarget> mp(String params) {
    return List.of(new DmTarget(0, 2048, "multipath", params));
  }

  static final String FAILOVER = "0 0 2 1 round-robin 0 1 1 8:16 1 round-robin 0 1 1 8:32 1";
  static final String MULTIBUS_QUEUE = "1 queue_if_no_path 0 1 1 round-robin 0 2 1 8:16 1 8:32 1";

  @ParameterizedTest
  @ValueSource(strings = {
      "0 0 1 1 round-robin 0 1 1 8:99 1",                 // device does not exist
      "0 0 1 1 no-such-selector 0 1 1 8:16 1",             // unknown selector
      "0 1 frob 1 1 round-robin 0 1 1 8:16 1",             // unknown hardware handler
      "1 frobnicate 0 1 1 round-robin 0 1 1 8:16 1",       // unknown feature
      "2 pg_init_retries 99 0 1 1 round-robin 0 1 1 8:16 1",
      "0 0 1 1 round-robin 0 1 1 8:16 notanumber"})
  void kernelValidationIsEinval(String params) {
    dm.create("m", null, List.of());
    DmException e = assertThrows(DmException.class, () -> dm.load("m", mp(params)));
    assertEquals(Optional.of("EINVAL"), e.errno(), e.getMessage());
    assertTrue(e.getMessage().startsWith("DM_TABLE_LOAD m: EINVAL (Invalid argument): multipath: "), e.getMessage());
    assertFalse(dm.info("m").orElseThrow().inactiveTable());
  }

  @Test
  void theExistingPredicateIsConsultedLive() {
    DevT late = new DevT(8, 64);
    assertThrows(DmException.class, () -> dm.create("m", null, mp("0 0 1 1 round-robin 0 1 1 8:64 1")));
    existing.add(late);
    dm.create("m", null, mp("0 0 1 1 round-robin 0 1 1 8:64 1"));
    assertEquals(List.of(late), dm.deps("m"));
  }

  @Test
  void devTAllocationIsLowestFreeMinor() {
    assertEquals(new DevT(253, 0), dm.create("a", null, List.of()).dev());
    assertEquals(new DevT(253, 1), dm.create("b", null, List.of()).dev());
    assertEquals(new DevT(253, 2), dm.create("c", null, List.of()).dev());
    dm.remove("b", false);
    assertEquals(new DevT(253, 1), dm.create("d", null, List.of()).dev());
    assertEquals("dm-1", EmulatedDeviceMapper.sysfsName(new DevT(253, 1)));
    DmException e = assertThrows(DmException.class, () -> dm.create("d", null, List.of()));
    assertEquals(Optional.of("EBUSY"), e.errno());
  }

  @Test
  void majorIsConfigurable() {
    EmulatedDeviceMapper other = EmulatedDeviceMapper.of(Optional.empty(), d -> true, clock::get, 254);
    assertEquals(new DevT(254, 0), other.create("a", null, List.of()).dev());
    other.create("p", null, List.of(new DmTarget(0, 8, "linear", "254:0 0")));
    assertEquals(List.of(new DevT(254, 0)), other.deps("p"));
    assertThrows(IllegalArgumentException.class, () -> EmulatedDeviceMapper.of(Optional.empty(), d -> true, clock::get, 0));
  }

  @Test
  void uuidInUseIsEbusy() {
    dm.create("a", "mpath-1", List.of());
    DmException e = assertThrows(DmException.class, () -> dm.create("b", "mpath-1", List.of()));
    assertEquals(Optional.of("EBUSY"), e.errno());
  }

  @Test
  void openMapCannotBeRemovedButDeferredRemoveWaits() {
    dm.create("m", null, mp(FAILOVER));
    dm.setOpenCount("m", 1);
    DmException e = assertThrows(DmException.class, () -> dm.remove("m", false));
    assertEquals("DM_DEV_REMOVE m: EBUSY (Device or resource busy): device is open (open count 1)", e.getMessage());
    dm.remove("m", true);
    assertTrue(dm.info("m").isPresent(), "deferred");
    dm.message("m", 0, "@cancel_deferred_remove");
    dm.remove("m", true);
    dm.setOpenCount("m", 0);
    assertTrue(dm.info("m").isEmpty(), "removed on last close");
  }

  @Test
  void mapUsedByAnotherMapIsBusy() {
    dm.create("m", null, mp(FAILOVER));
    dm.create("m-part1", null, List.of(new DmTarget(0, 100, "linear", "253:0 2048")));
    assertEquals(Optional.of("EBUSY"), assertThrows(DmException.class, () -> dm.remove("m", false)).errno());
    dm.remove("m-part1", false);
    dm.remove("m", false);
  }

  @Test
  void ioUsesTheInitialGroupAndAGroupBecomesActive() {
    dm.create("m", null, mp(FAILOVER));
    assertEquals("2 0 0 0 2 1 E 0 1 0 8:16 A 0 E 0 1 0 8:32 A 0", dm.status("m").get(0).params());
    assertEquals(Optional.of(A), dm.submitIo("m", 4096));
    assertEquals("2 0 0 0 2 1 A 0 1 0 8:16 A 0 E 0 1 0 8:32 A 0", dm.status("m").get(0).params());
    assertEquals(new EmulatedDeviceMapper.IoStats(1, 0, 0), dm.ioStats("m"));
  }

  @Test
  void pathIoErrorFailsThePathWithAnEventAndIoMovesOn() throws InterruptedException {
    dm.create("m", null, mp(FAILOVER));
    dm.submitIo("m", 4096);
    try (DmEvents ev = dm.events()) {
      dm.setPathIoError(A, true);
      IoResult r = dm.submitIoDetailed("m", 4096);
      assertEquals(new IoResult(IoResult.Kind.COMPLETED, Optional.of(B), 1), r);
      assertTrue(ev.await(Duration.ZERO), "fail_path event raised");
    }
    assertEquals(1, dm.info("m").orElseThrow().eventNr());
    assertEquals("2 0 0 0 2 2 E 0 1 0 8:16 F 1 A 0 1 0 8:32 A 0", dm.status("m").get(0).params());
    dm.setPathIoError(A, false);
    dm.message("m", 0, "reinstate_path 8:16");
    assertEquals(Optional.of(B), dm.submitIo("m", 4096), "no failback without switch_group (kernel)");
    dm.message("m", 0, "switch_group 1");
    assertEquals(Optional.of(A), dm.submitIo("m", 4096));
  }

  @Test
  void allPathsFailedWithoutQueueingErrorsTheIo() {
    dm.create("m", null, mp(FAILOVER));
    dm.setPathIoError(A, true);
    dm.setPathIoError(B, true);
    IoResult r = dm.submitIoDetailed("m", 512);
    assertEquals(IoResult.Kind.FAILED, r.kind());
    assertEquals(2, r.pathsFailed());
    assertEquals(new EmulatedDeviceMapper.IoStats(0, 1, 0), dm.ioStats("m"));
  }

  @Test
  void allPathsFailedWithQueueIfNoPathQueuesUntilAPathReturns() {
    dm.create("m", null, mp(MULTIBUS_QUEUE));
    dm.setPathIoError(A, true);
    dm.setPathIoError(B, true);
    assertEquals(IoResult.Kind.QUEUED, dm.submitIoDetailed("m", 512).kind());
    assertEquals(IoResult.Kind.QUEUED, dm.submitIoDetailed("m", 512).kind());
    MultipathStatus s = MultipathStatus.parse(dm.status("m").get(0).params());
    assertTrue(s.queueIo());
    assertEquals(new EmulatedDeviceMapper.IoStats(0, 0, 2), dm.ioStats("m"));
    dm.setPathIoError(B, false);
    dm.message("m", 0, "reinstate_path 8:32");
    assertEquals(new EmulatedDeviceMapper.IoStats(2, 0, 0), dm.ioStats("m"));
    dm.message("m", 0, "fail_path 8:32");
    dm.submitIo("m", 512);
    dm.message("m", 0, "fail_if_no_path");
    assertEquals(new EmulatedDeviceMapper.IoStats(2, 1, 0), dm.ioStats("m"), "queued I/O errored by fail_if_no_path");
  }

  @Test
  void ioToASuspendedMapIsHeldUntilResume() {
    dm.create("m", null, mp(FAILOVER));
    dm.suspend("m", true, true);
    assertEquals(IoResult.Kind.QUEUED, dm.submitIoDetailed("m", 512).kind());
    assertEquals(new EmulatedDeviceMapper.IoStats(0, 0, 1), dm.ioStats("m"));
    dm.resume("m");
    assertEquals(new EmulatedDeviceMapper.IoStats(1, 0, 0), dm.ioStats("m"));
  }

  @Test
  void disabledGroupIsUsedOnlyAsALastResort() {
    dm.create("m", null, mp(FAILOVER));
    assertEquals(Optional.of(A), dm.submitIo("m", 4096), "consumes next_pg (the kernel honours it even if bypassed)");
    dm.message("m", 0, "disable_group 1");
    assertEquals(Optional.of(B), dm.submitIo("m", 4096));
    dm.message("m", 0, "fail_path 8:32");
    assertEquals(Optional.of(A), dm.submitIo("m", 4096), "bypassed group used when nothing else is left");
  }

  @Test
  void roundRobinSpreadsIoInMultibus() {
    dm.create("m", null, mp("0 0 1 1 round-robin 0 3 1 8:16 1 8:32 1 8:48 1"));
    Set<DevT> used = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      used.add(dm.submitIo("m", 4096).orElseThrow());
    }
    assertEquals(Set.of(A, B, C), used);
  }

  /**
   * Emulated I/O goes through the selector module's service-time model: each emulated I/O
   * completes at once, so in-flight bytes are 0 at every choice and st_compare_load's Case 2a
   * (same load: higher relative_throughput) sends every I/O to 8:32 ("1 4") rather than
   * alternating; with 8:32 failed, 8:16 takes them. Status shows "in_flight relative_throughput".
   */
  @Test
  void serviceTimeModelSteersEmulatedIoByRelativeThroughput() {
    dm.create("m", null, mp("0 0 1 1 service-time 0 2 2 8:16 1 1 8:32 1 4"));
    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.of(B), dm.submitIo("m", 4096));
    }
    assertTrue(dm.status("m").get(0).params().endsWith("8:16 A 0 0 1 8:32 A 0 0 4"), dm.status("m").get(0).params());
    dm.message("m", 0, "fail_path 8:32");
    assertEquals(Optional.of(A), dm.submitIo("m", 4096));
    assertEquals(new EmulatedDeviceMapper.IoStats(6, 0, 0), dm.ioStats("m"));
  }

  @Test
  void hwHandlerCountsPgInit() {
    dm.create("m", null, mp("0 1 alua 2 1 round-robin 0 1 1 8:16 1 round-robin 0 1 1 8:32 1"));
    dm.submitIo("m", 1);
    assertEquals(1, MultipathStatus.parse(dm.status("m").get(0).params()).pgInitCount());
    assertEquals("0 1 alua 2 1 round-robin 0 1 1 8:16 1 round-robin 0 1 1 8:32 1", dm.table("m").get(0).params());
  }

  @Test
  void sharedFileIsSeenByAnotherInstanceWithEvents() throws Exception {
    Path f = dir.resolve("dm.state");
    EmulatedDeviceMapper p1 = EmulatedDeviceMapper.shared(f, existing::contains);
    EmulatedDeviceMapper p2 = EmulatedDeviceMapper.shared(f, existing::contains);
    p1.create("m", "mpath-1", mp(FAILOVER));
    assertEquals(p1.info("m"), p2.info("m"));
    try (DmEvents ev = p2.events()) {
      CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(() -> {
        try {
          return ev.await(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      p1.message("m", 0, "fail_path 8:16");
      assertTrue(woke.get(15, TimeUnit.SECONDS));
    }
    assertFalse(p2.status("m").get(0).params().contains("8:16 A"));
    p2.setPathIoError(B, true);
    assertEquals(IoResult.Kind.FAILED, p1.submitIoDetailed("m", 1).kind(), "io errors are shared too");
    assertTrue(Files.readString(f).startsWith("jmultipath-emulated-dm 1\n"));
    EmulatedDeviceMapper p3 = EmulatedDeviceMapper.shared(f, existing::contains);
    assertEquals(p1.stateText(), p3.stateText());
    assertEquals(p1.table("m"), p3.table("m"));
    assertEquals(p1.status("m"), p3.status("m"));
  }

  @Test
  void corruptStateFileGivesOneClearError() throws Exception {
    Path f = dir.resolve("bad.state");
    Files.writeString(f, "hello\n");
    DmException e = assertThrows(DmException.class, () -> EmulatedDeviceMapper.shared(f, d -> true).list());
    assertTrue(e.getMessage().contains("corrupt state file") && e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void stateTextRoundTripsThroughTheCodec() {
    dm.create("m", "mpath-1", mp(MULTIBUS_QUEUE));
    dm.create("n", null, mp(FAILOVER));
    dm.load("n", mp("0 0 1 1 round-robin 0 1 1 8:48 1"));
    dm.message("m", 0, "fail_path 8:16");
    dm.message("n", 0, "disable_group 2");
    dm.suspend("n", true, true);
    dm.setPathIoError(C, true);
    String text = dm.stateText();
    EmuKernel k = EmuStateCodec.parse(text, d -> true, clock::get);
    assertEquals(text, EmuStateCodec.format(k));
  }

  private List<String> ueventLines() {
    return dm.uevents().stream().map(DmUevent::line).toList();
  }

  /**
   * The kernel's uevents (dm-ioctl.c): "add" on create without cookie; "change" with the cookie
   * only when a resume really resumes (a new table, or the device was suspended); rename
   * "change" under the new name; "remove" with the cookie; a postponed deferred removal emits
   * its "remove" without cookie when the last opener closes.
   */
  @Test
  void ueventsAndTheirCookies() {
    dm.create("m", "mpath-1", mp(FAILOVER), MpathUdevFlags.create(false, false));
    dm.resume("m", MpathUdevFlags.reload(false, false, false));   // nothing to resume: no uevent
    dm.suspend("m", true, true);
    dm.resume("m", MpathUdevFlags.resume(true));
    dm.rename("m", "n", MpathUdevFlags.rename(false));
    dm.setOpenCount("n", 1);
    dm.remove("n", true, MpathUdevFlags.remove());                 // postponed
    dm.setOpenCount("n", 0);
    dm.create("o", null, List.of());
    dm.remove("o", false, MpathUdevFlags.remove());
    assertEquals(List.of(
        "1 add m 253:0",
        "2 change m 253:0 DM_COOKIE=6291456 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE",
        "3 change m 253:0 DM_COOKIE=39845888 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE|SUBSYSTEM_1",
        "4 change n 253:0 DM_COOKIE=6291456 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE",
        "5 remove n 253:0",
        "6 add o 253:0",
        "7 remove o 253:0 DM_COOKIE=6291456 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE"), ueventLines());
  }

  @Test
  void ueventLogIsBoundedAndSharedThroughTheStateFile() {
    Path f = dir.resolve("dm.state");
    EmulatedDeviceMapper p1 = EmulatedDeviceMapper.shared(f, existing::contains);
    for (int i = 0; i < 40; i++) {
      p1.create("m" + i, null, mp(FAILOVER), MpathUdevFlags.create(i % 2 == 0, false));
    }
    List<DmUevent> log = EmulatedDeviceMapper.shared(f, existing::contains).uevents();
    assertEquals(EmuKernel.UEVENT_LOG, log.size());
    assertEquals(80, log.get(log.size() - 1).seq());
    assertEquals(17, log.get(0).seq());
    assertEquals(p1.uevents(), log);
    DmUevent last = log.get(log.size() - 1);
    assertEquals("m39", last.name());
    assertEquals(Optional.of(MpathUdevFlags.create(false, false).with(UdevFlags.Flag.PRIMARY_SOURCE)), last.cookie());
  }
}
