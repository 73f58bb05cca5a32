package io.jmultipath.dmctl.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DeviceMappers;
import io.jmultipath.dmctl.DmUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmCommandTest {
  record Run(int rc, String out, String err) {}

  @TempDir
  Path dir;

  static Run run(String spec, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = DmCommand.run(List.of(args), spec, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static void assertOneLineError(Run r) {
    assertEquals(1, r.rc(), r.toString());
    assertTrue(r.err().endsWith("\n"), r.toString());
    assertEquals(1, r.err().lines().count(), "exactly one line: " + r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
  }

  static boolean kernelDmUnavailable() {
    try (DeviceMapper dm = DeviceMappers.open("kernel")) {
      return false;
    } catch (DmUnavailableException e) {
      return true;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"version", "targets", "ls", "info", "info mpatha", "table", "table mpatha", "status",
      "status mpatha", "create mpatha --uuid mpath-1 --table 0|10|multipath|0|0|0|0", "load mpatha --table 0|10|error",
      "resume mpatha", "suspend mpatha --noflush", "remove mpatha --deferred", "rename mpatha mpathb",
      "message mpatha 0 fail_path 8:16", "deps mpatha", "uevents", "resume mpatha --udevflags PRIMARY_SOURCE"})
  void withoutDeviceMapperEveryCommandSaysSoInOneLine(String command) {
    assumeTrue(kernelDmUnavailable(), "this kernel has device-mapper; the no-dm behaviour cannot be shown here");
    String[] args = command.replace('|', '\u0000').split(" ");
    for (int i = 0; i < args.length; i++) {
      args[i] = args[i].replace('\u0000', ' ');
    }
    Run r = run("kernel", args);
    assertOneLineError(r);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("device-mapper not available: /dev/mapper/control: "), r.err());
    assertTrue(r.err().endsWith(" (is dm_mod loaded?)\n"), r.err());
  }

  @Test
  void missingControlNodeMessage() {
    Run r = run("kernel:" + dir.resolve("control"), "ls");
    assertOneLineError(r);
    assertEquals("device-mapper not available: " + dir.resolve("control")
        + ": No such file or directory (is dm_mod loaded?)\n", r.err());
  }

  @Test
  void dmsetupStyleSessionOnTheEmulatedKernel() {
    String spec = "emulated:" + dir.resolve("dm.state");
    String table = "0 2097152 multipath 1 queue_if_no_path 0 2 1 round-robin 0 1 1 8:16 1 round-robin 0 1 1 8:32 1";
    assertEquals(new Run(0, "No devices found\n", ""), run(spec, "ls"));
    assertEquals(new Run(0, "", ""), run(spec, "create", "mpatha", "--uuid", "mpath-3600a", "--table", table));
    assertEquals(new Run(0, "", ""), run(spec, "create", "mpathb", "--notable"));
    assertEquals(new Run(0, "mpatha\t(253:0)\nmpathb\t(253:1)\n", ""), run(spec, "ls"));
    assertEquals(new Run(0, table + "\n", ""), run(spec, "table", "mpatha"));
    assertEquals(new Run(0, "0 2097152 multipath 2 0 0 0 2 1 E 0 1 0 8:16 A 0 E 0 1 0 8:32 A 0\n", ""),
        run(spec, "status", "mpatha"));
    assertEquals(new Run(0, "", ""), run(spec, "message", "mpatha", "0", "fail_path", "8:16"));
    assertEquals(new Run(0, "mpatha: 0 2097152 multipath 2 0 0 0 2 1 E 0 1 0 8:16 F 1 E 0 1 0 8:32 A 0\n", ""),
        run(spec, "status"));
    assertEquals(new Run(0, """
        Name:              mpatha
        State:             ACTIVE
        Tables present:    LIVE
        Open count:        0
        Event number:      1
        Major, minor:      253, 0
        Number of targets: 1
        UUID: mpath-3600a
        """, ""), run(spec, "info", "mpatha"));
    assertEquals(new Run(0, "2 dependencies\t: (8, 16) (8, 32)\n", ""), run(spec, "deps", "mpatha"));
    assertEquals(new Run(0, "", ""), run(spec, "suspend", "mpatha", "--noflush", "--nolockfs"));
    Run busy = run(spec, "message", "mpatha", "0", "reinstate_path", "8:16");
    assertOneLineError(busy);
    assertEquals("DM_TARGET_MSG mpatha: EBUSY (Device or resource busy): device is suspended\n", busy.err());
    assertEquals(new Run(0, "", ""), run(spec, "resume", "mpatha"));
    assertEquals(new Run(0, "", ""), run(spec, "rename", "mpathb", "mpathc"));
    assertEquals(new Run(0, "", ""), run(spec, "remove", "mpathc"));
    assertEquals(new Run(0, "mpatha\t(253:0)\n", ""), run(spec, "ls"));
    assertEquals(0, run(spec, "version").rc());
    assertTrue(run(spec, "targets").out().startsWith("multipath        v1.15.0\n"));
  }

  @Test
  void errorsAreOneLine() {
    String spec = "emulated:" + dir.resolve("dm.state");
    Run r = run(spec, "create", "a/b", "--table", "0 10 multipath 0 0 0 0");
    assertOneLineError(r);
    assertEquals("DM_DEV_CREATE a/b: device name must not contain '/'\n", r.err());
    r = run(spec, "create", "m", "--table", "0 10 multipath 0 0 1 1 round-robin 0 1 1 sdb 1");
    assertOneLineError(r);
    assertEquals("DM_TABLE_LOAD m: multipath table (word 9): group 1 path 1 device is not major:minor: 'sdb'\n", r.err());
    assertEquals("No devices found\n", run(spec, "ls").out(), "nothing half-created");
    r = run(spec, "create", "m", "--table", "zero 10 multipath");
    assertOneLineError(r);
    assertTrue(r.err().startsWith("dm: table line: start/length not numbers"), r.err());
    assertOneLineError(run(spec, "remove", "nosuch"));
    assertEquals("DM_DEV_REMOVE nosuch: ENXIO (No such device or address)\n", run(spec, "remove", "nosuch").err());
    assertOneLineError(run(spec, "info", "nosuch"));
    assertOneLineError(run(spec));
    assertOneLineError(run(spec, "frobnicate"));
    assertOneLineError(run(spec, "rename", "onlyone"));
    assertOneLineError(run(spec, "suspend", "m", "--bogus"));
    assertOneLineError(run(spec, "message", "m", "x", "fail_path"));
    assertOneLineError(run(spec, "load", "m"));
    assertOneLineError(run("bogus-spec", "ls"));
    assertEquals("unknown device-mapper spec 'bogus-spec' (expected kernel, emulated or emulated:FILE)\n",
        run("bogus-spec", "ls").err());
  }

  /** --udevflags reaches the (emulated) kernel's uevents; `dm uevents` lists them. */
  @Test
  void udevFlagsOptionAndUeventLog() {
    String spec = "emulated:" + dir.resolve("dm.state");
    String table = "0 2048 multipath 0 0 1 1 round-robin 0 1 1 8:16 1";
    assertEquals(new Run(0, "", ""), run(spec, "create", "mpatha", "--table", table,
        "--udevflags", "DISABLE_LIBRARY_FALLBACK,SUBSYSTEM_1"));
    assertEquals(new Run(0, "", ""), run(spec, "load", "mpatha", "--table", table));
    assertEquals(new Run(0, "", ""), run(spec, "resume", "mpatha", "--udevflags", "0x120"));
    assertEquals(new Run(0, "", ""), run(spec, "rename", "mpatha", "mpathb"));
    assertEquals(new Run(0, "", ""), run(spec, "remove", "mpathb", "--udevflags", "DM_UDEV_DISABLE_LIBRARY_FALLBACK"));
    assertEquals(new Run(0, """
        1 add mpatha 253:0
        2 change mpatha 253:0 DM_COOKIE=39845888 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE|SUBSYSTEM_1
        3 change mpatha 253:0 DM_COOKIE=23068672 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE|SUBSYSTEM_0
        4 change mpathb 253:0 DM_COOKIE=4194304 PRIMARY_SOURCE
        5 remove mpathb 253:0 DM_COOKIE=6291456 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE
        """, ""), run(spec, "uevents"));
    Run bad = run(spec, "create", "x", "--notable", "--udevflags", "FROB");
    assertOneLineError(bad);
    assertTrue(bad.err().startsWith("dm: create: --udevflags: unknown udev flag 'FROB'"), bad.err());
    bad = run(spec, "load", "x", "--table", table, "--udevflags", "PRIMARY_SOURCE");
    assertOneLineError(bad);
    assertEquals("dm: load: --udevflags only applies to create, resume, remove and rename\n", bad.err());
    assertOneLineError(run(spec, "resume", "x", "--udevflags"));
  }

  /** `dm udevflags COOKIE` prints what `dmsetup udevflags COOKIE` prints, without device-mapper. */
  @Test
  void udevflagsDecodesLikeDmsetup() throws Exception {
    assertEquals(new Run(0, """
        DM_UDEV_DISABLE_LIBRARY_FALLBACK_FLAG='1'
        DM_UDEV_PRIMARY_SOURCE_FLAG='1'
        DM_SUBSYSTEM_UDEV_FLAG0='1'
        """, ""), run("kernel:" + dir.resolve("nosuch"), "udevflags", "23068672"));
    assertEquals(run("emulated", "udevflags", "23068672"), run("emulated", "udevflags", "0x1600000"));
    assertEquals(new Run(0, "", ""), run("emulated", "udevflags", "0x0D4D1234".replace("0D4D", "0000")));
    for (String bad : List.of("0", "-5", "abc", "0x100000000", "09")) {
      Run r = run("emulated", "udevflags", bad);
      assertOneLineError(r);
      assertEquals("dm udevflags: incorrect cookie value '" + bad + "'\n", r.err());
    }
    java.nio.file.Path dmsetup = java.nio.file.Path.of("/usr/sbin/dmsetup");
    assumeTrue(java.nio.file.Files.isExecutable(dmsetup), "dmsetup not installed: comparison skipped");
    for (String cookie : List.of("23068672", "0x0d4d1234", "0xffff0000", "0x00800001", "017000000000")) {
      Process p = new ProcessBuilder(dmsetup.toString(), "udevflags", cookie).redirectErrorStream(true).start();
      String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(new Run(p.exitValue(), expected, ""), run("emulated", "udevflags", cookie), cookie);
    }
  }
}
