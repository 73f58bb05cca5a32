package io.jmultipath.dmctl;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmultipath.dmctl.cli.DmCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract on the REAL kernel through JNA ioctls (run inside the QEMU VM: dm-mod,
 * dm-multipath, dm-round-robin and scsi_debug with two paths to one LUN, e.g.
 * {@code modprobe scsi_debug add_host=2 vpd_use_hostno=0 dev_size_mb=16}). Self-contained: it
 * finds two /sys/block/sdX with the same device/wwid, creates maps named jmtest-*, removes them
 * afterwards, and skips with a clear reason when a prerequisite is missing. When dmsetup is
 * installed it also compares table/status/ls with dmsetup's output.
 */
@Tag("vm")
class KernelIoctlContractVmTest extends DeviceMapperContract {
  private static final Path SYS_BLOCK = Path.of("/sys/block");
  private static List<DevT> found;
  private static long foundSectors;

  @BeforeAll
  static void discover() throws IOException, InterruptedException {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root (DM ioctls), running as "
        + System.getProperty("user.name"));
    try (DeviceMapper dm = DeviceMappers.open("kernel")) {
      if (dm.targetVersions().stream().noneMatch(t -> t.name().equals("multipath"))) {
        run(List.of("modprobe", "-a", "dm-multipath", "dm-round-robin"));
      }
      assumeTrue(dm.targetVersions().stream().anyMatch(t -> t.name().equals("multipath")),
          "dm-multipath target not loaded and `modprobe dm-multipath` did not help");
    } catch (DmUnavailableException e) {
      assumeTrue(false, e.getMessage());
    }
    Map<String, List<String>> byWwid = new TreeMap<>();
    if (Files.isDirectory(SYS_BLOCK)) {
      try (Stream<Path> s = Files.list(SYS_BLOCK)) {
        for (Path p : s.sorted().toList()) {
          String dev = p.getFileName().toString();
          Path wwid = p.resolve("device/wwid");
          if (dev.startsWith("sd") && Files.isReadable(wwid)) {
            byWwid.computeIfAbsent(Files.readString(wwid).strip(), k -> new ArrayList<>()).add(dev);
          }
        }
      }
    }
    List<String> pair = byWwid.values().stream().filter(l -> l.size() >= 2).findFirst().orElse(List.of());
    assumeTrue(pair.size() >= 2, "needs two SCSI paths with the same /sys/block/sdX/device/wwid "
        + "(e.g. modprobe scsi_debug add_host=2 vpd_use_hostno=0); found " + byWwid);
    List<DevT> devs = new ArrayList<>();
    for (String sd : pair.subList(0, 2)) {
      try (Stream<Path> holders = Files.list(SYS_BLOCK.resolve(sd).resolve("holders"))) {
        List<String> h = holders.map(x -> x.getFileName().toString()).toList();
        assumeTrue(h.isEmpty(), sd + " is already held by " + h + " (is multipathd running? stop it for this test)");
      }
      devs.add(DevT.parse(Files.readString(SYS_BLOCK.resolve(sd).resolve("dev")).strip()));
    }
    found = List.copyOf(devs);
    foundSectors = Long.parseLong(Files.readString(SYS_BLOCK.resolve(pair.get(0)).resolve("size")).strip());
    assumeTrue(foundSectors > 0, pair.get(0) + " has size 0");
  }

  @Override
  protected DeviceMapper open() {
    return DeviceMappers.open("kernel");
  }

  @Override
  protected List<DevT> paths() {
    return found;
  }

  @Override
  protected DevT missingDevice() {
    return new DevT(8, 4000);   // sd minor 4000 = the 251st disk: not present in the VM
  }

  @Override
  protected long sectors() {
    return foundSectors;
  }

  /**
   * udev's view of a map's last uevent: after {@code udevadm settle}, the DM_UDEV_*_FLAG and
   * DM_SUBSYSTEM_UDEV_FLAGn properties in /run/udev/data/bMAJ:MIN, which 10-dm.rules imports
   * from {@code dmsetup udevflags $DM_COOKIE}. Empty where udevd does not run.
   */
  @Override
  protected Optional<UeventProbe> uevents() {
    Path data = Path.of("/run/udev/data");
    try {
      if (!Files.isDirectory(data) || run(List.of("udevadm", "--version")).isEmpty()) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    return Optional.of(dev -> {
      run(List.of("udevadm", "settle", "-t", "30"));
      Path db = data.resolve("b" + dev.major() + ":" + dev.minor());
      List<String> lines = Files.readAllLines(db);
      UdevFlags seen = UdevFlags.NONE;
      for (UdevFlags.Flag f : UdevFlags.Flag.values()) {
        if (lines.contains("E:" + f.property() + "=1")) {
          seen = seen.with(f);
        }
      }
      return seen;
    });
  }

  /** Runs a command; empty if it cannot be started (not installed). */
  private static Optional<String> run(List<String> cmd) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String stripLines(String s) {
    StringBuilder sb = new StringBuilder();
    s.lines().forEach(l -> sb.append(l.stripTrailing()).append('\n'));
    return sb.toString();
  }

  /**
   * Compares our reading with dmsetup's, taken just before and after ours: udev's probe I/O
   * after an event may change group states (E -> A) in between, so retry until dmsetup reads
   * the same twice around our reading.
   */
  private void assertSameAsDmsetup(List<String> dmsetupCmd, java.util.function.Supplier<String> ours)
      throws InterruptedException {
    String last = "";
    for (int attempt = 0; attempt < 10; attempt++) {
      String before = stripLines(run(dmsetupCmd).orElseThrow(() -> new AssertionError(dmsetupCmd + " failed")));
      String mine = stripLines(ours.get());
      String after = stripLines(run(dmsetupCmd).orElseThrow(() -> new AssertionError(dmsetupCmd + " failed")));
      if (before.equals(after)) {
        assertEquals(before, mine, String.join(" ", dmsetupCmd));
        return;
      }
      last = before + " / " + after;
    }
    fail("the kernel state kept changing under " + dmsetupCmd + ": " + last);
  }

  private static String dmCommand(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = DmCommand.run(List.of(args), "kernel", new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void tableStatusAndLsMatchDmsetup() throws InterruptedException {
    Optional<String> version = run(List.of("dmsetup", "version"));
    assumeTrue(version.isPresent(), "dmsetup not installed: comparison skipped");
    DmInfo info = createA();
    dm.message(A, 0, "fail_path " + paths().get(0));
    assertSameAsDmsetup(List.of("dmsetup", "table", A), () -> dm.table(A).get(0).line());
    assertSameAsDmsetup(List.of("dmsetup", "status", A), () -> dm.status(A).get(0).line());
    // the debugging CLI prints what dmsetup prints
    assertSameAsDmsetup(List.of("dmsetup", "table", A), () -> dmCommand("table", A));
    assertSameAsDmsetup(List.of("dmsetup", "status", A), () -> dmCommand("status", A));
    String ls = run(List.of("dmsetup", "ls")).orElseThrow();
    assertTrue(ls.lines().anyMatch(l -> l.startsWith(A + "\t") && (l.contains("(" + info.dev() + ")")
        || l.contains("(" + info.dev().major() + ", " + info.dev().minor() + ")"))), ls);
    assertTrue(dmCommand("ls").lines().anyMatch(l -> l.equals(A + "\t(" + info.dev() + ")")));
    String dmsetupInfo = run(List.of("dmsetup", "info", A)).orElseThrow();
    assertTrue(dmsetupInfo.contains("Major, minor:      " + info.dev().major() + ", " + info.dev().minor()), dmsetupInfo);
    assertTrue(dmsetupInfo.contains("UUID: " + info.uuid().orElseThrow()), dmsetupInfo);
    assertTrue(dmsetupInfo.contains("Tables present:    LIVE"), dmsetupInfo);
  }

  @Test
  void kernelStatusRoundTripsThroughTheCodec() {
    createA();
    dm.message(A, 0, "fail_path " + paths().get(1));
    String status = dm.status(A).get(0).params();
    assertEquals(status, MultipathStatus.parse(status).format());
    String table = dm.table(A).get(0).params();
    assertEquals(table, MultipathTable.parse(table).format());
    dm.message(A, 0, "reinstate_path " + paths().get(1));
  }
}
