package io.jmultipath.dmctl;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jmultipath.dmctl.UdevFlags.Flag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cookie layout and names against libdevmapper.h and the real {@code dmsetup udevflags}. */
class UdevFlagsTest {
  @Test
  void bitsAreLibdevmapperHs() {
    int[] expected = {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000,
        0x4000, 0x8000};
    Flag[] all = Flag.values();
    assertEquals(16, all.length);
    for (int i = 0; i < all.length; i++) {
      assertEquals(expected[i] << 16, UdevFlags.of(all[i]).toCookie(), all[i].name());
    }
    assertEquals(0x20, UdevFlags.of(Flag.DISABLE_LIBRARY_FALLBACK).toCookie() >>> 16);
    assertEquals(Flag.SUBSYSTEM_0, MpathUdevFlags.RELOAD);
    assertEquals(Flag.SUBSYSTEM_1, MpathUdevFlags.NO_KPARTX);
    assertEquals(Flag.SUBSYSTEM_2, MpathUdevFlags.NO_PATHS);
  }

  /** libmultipath/devmapper.c: build_udev_flags + DM_UDEV_DISABLE_LIBRARY_FALLBACK, dm_rename, cli_resume. */
  @Test
  void multipathToolsFlagSets() {
    assertEquals("DISABLE_LIBRARY_FALLBACK", MpathUdevFlags.create(false, false).toString());
    assertEquals("DISABLE_LIBRARY_FALLBACK|SUBSYSTEM_1|SUBSYSTEM_2", MpathUdevFlags.create(true, true).toString());
    assertEquals("DISABLE_LIBRARY_FALLBACK|SUBSYSTEM_0", MpathUdevFlags.reload(false, false, false).toString());
    assertEquals("DISABLE_LIBRARY_FALLBACK|SUBSYSTEM_2", MpathUdevFlags.reload(false, true, true).toString());
    assertEquals("DISABLE_LIBRARY_FALLBACK|SUBSYSTEM_1", MpathUdevFlags.rename(true).toString());
    assertEquals("DISABLE_LIBRARY_FALLBACK", MpathUdevFlags.rename(false).toString());
    assertEquals("DISABLE_LIBRARY_FALLBACK|SUBSYSTEM_1", MpathUdevFlags.resume(true).toString());
    assertEquals("DISABLE_LIBRARY_FALLBACK", MpathUdevFlags.remove().toString());
  }

  @Test
  void cookieRoundTripIgnoresTheSemaphoreBase() {
    for (int bits = 0; bits <= 0xFFFF; bits += 0x3F1) {
      UdevFlags f = UdevFlags.fromCookie(((long) bits << 16) | 0x0D4DL);
      assertEquals(bits << 16, f.toCookie());
      assertEquals(f, UdevFlags.parse(f.toString()));
      assertEquals(f, UdevFlags.parse("0x" + Integer.toHexString(bits)));
    }
    assertEquals(UdevFlags.NONE, UdevFlags.fromCookie(0x0D4D1234L & 0xFFFF));
    assertTrue(UdevFlags.NONE.isEmpty());
    assertEquals("none", UdevFlags.NONE.toString());
  }

  @Test
  void parseNamesAndProperties() {
    UdevFlags f = UdevFlags.of(Flag.PRIMARY_SOURCE, Flag.SUBSYSTEM_1);
    assertEquals(f, UdevFlags.parse("PRIMARY_SOURCE,SUBSYSTEM_1"));
    assertEquals(f, UdevFlags.parse("dm_udev_primary_source_flag|DM_SUBSYSTEM_UDEV_FLAG1"));
    assertEquals(f, UdevFlags.parse("576"));
    assertEquals(UdevFlags.NONE, UdevFlags.parse("none"));
    assertTrue(f.has(Flag.PRIMARY_SOURCE));
    assertFalse(f.without(Flag.PRIMARY_SOURCE).has(Flag.PRIMARY_SOURCE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"FROB", "PRIMARY_SOURCE,", "0x10000", "-1", "12abc"})
  void badFlagTextIsOneLineError(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UdevFlags.parse(text));
    assertFalse(e.getMessage().contains("\n"));
  }

  /** Our {@code udevflagsLines} equal the real dmsetup's output for the same cookie (when dmsetup is installed). */
  @Test
  void sameLinesAsDmsetupUdevflags() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/dmsetup")) || Files.isExecutable(Path.of("/sbin/dmsetup")),
        "dmsetup not installed");
    String dmsetup = Files.isExecutable(Path.of("/usr/sbin/dmsetup")) ? "/usr/sbin/dmsetup" : "/sbin/dmsetup";
    for (int bits : new int[] {0x0060, 0x0160, 0x0620, 0xFFFF, 0x0080, 0x8041}) {
      UdevFlags f = UdevFlags.fromCookie((long) bits << 16);
      Process p = new ProcessBuilder(dmsetup, "udevflags", Integer.toUnsignedString(f.toCookie()))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
      assertEquals(out.lines().toList(), f.udevflagsLines(), "cookie 0x" + Integer.toHexString(f.toCookie()));
    }
  }

  /** dmsetup udevcomplete of a flags-only cookie (base 0) succeeds without any semaphore. */
  @Test
  void dmsetupUdevcompleteAcceptsAFlagsOnlyCookie() throws IOException, InterruptedException {
    String dmsetup = Files.isExecutable(Path.of("/usr/sbin/dmsetup")) ? "/usr/sbin/dmsetup" : "/sbin/dmsetup";
    assumeTrue(Files.isExecutable(Path.of(dmsetup)), "dmsetup not installed");
    UdevFlags f = MpathUdevFlags.create(false, false).with(Flag.PRIMARY_SOURCE);
    Process p = new ProcessBuilder(List.of(dmsetup, "udevcomplete", Integer.toUnsignedString(f.toCookie())))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }
}
