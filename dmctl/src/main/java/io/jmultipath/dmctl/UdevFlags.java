package io.jmultipath.dmctl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The udev control flags of a device-mapper "cookie". libdevmapper puts the cookie in
 * {@code struct dm_ioctl.event_nr} of the ioctls that make the kernel emit a uevent (DM_DEV_SUSPEND
 * used as resume, DM_DEV_REMOVE, DM_DEV_RENAME); the kernel copies it into the uevent as
 * {@code DM_COOKIE=N}; 10-dm.rules imports {@code dmsetup udevflags $DM_COOKIE} and
 * 95-dm-notify.rules runs {@code dmsetup udevcomplete $DM_COOKIE}.
 *
 * <p>Layout (libdevmapper.h): the flags in the upper 16 bits ({@code DM_UDEV_FLAGS_SHIFT} 16), a
 * notification-semaphore base in the lower 16. jmultipath never waits for udev, so its cookies
 * carry flags only (base 0), for which {@code dmsetup udevcomplete} succeeds at once (dmsetup.c
 * {@code _udevcomplete}: "the base is zero then this one carries flags to control udev rules only").
 * Like libdevmapper's {@code _do_dm_ioctl}, the {@link DeviceMapper} implementations add
 * {@link Flag#PRIMARY_SOURCE} to every uevent-generating call; without it the dm rules treat the
 * map as never activated (no /dev/disk links, no blkid probe, no kpartx, no LVM scan).
 */
public final class UdevFlags {
  /** Cookie bit positions as libdevmapper.h defines them; names as {@code dmsetup udevflags} prints them. */
  public enum Flag {
    DISABLE_DM_RULES(0x0001, "DM_UDEV_DISABLE_DM_RULES_FLAG"),
    DISABLE_SUBSYSTEM_RULES(0x0002, "DM_UDEV_DISABLE_SUBSYSTEM_RULES_FLAG"),
    DISABLE_DISK_RULES(0x0004, "DM_UDEV_DISABLE_DISK_RULES_FLAG"),
    DISABLE_OTHER_RULES(0x0008, "DM_UDEV_DISABLE_OTHER_RULES_FLAG"),
    LOW_PRIORITY(0x0010, "DM_UDEV_LOW_PRIORITY_FLAG"),
    DISABLE_LIBRARY_FALLBACK(0x0020, "DM_UDEV_DISABLE_LIBRARY_FALLBACK_FLAG"),
    PRIMARY_SOURCE(0x0040, "DM_UDEV_PRIMARY_SOURCE_FLAG"),
    /** Bit 7 has no symbolic name; dmsetup prints it as DM_UDEV_FLAG7. */
    FLAG7(0x0080, "DM_UDEV_FLAG7"),
    SUBSYSTEM_0(0x0100, "DM_SUBSYSTEM_UDEV_FLAG0"),
    SUBSYSTEM_1(0x0200, "DM_SUBSYSTEM_UDEV_FLAG1"),
    SUBSYSTEM_2(0x0400, "DM_SUBSYSTEM_UDEV_FLAG2"),
    SUBSYSTEM_3(0x0800, "DM_SUBSYSTEM_UDEV_FLAG3"),
    SUBSYSTEM_4(0x1000, "DM_SUBSYSTEM_UDEV_FLAG4"),
    SUBSYSTEM_5(0x2000, "DM_SUBSYSTEM_UDEV_FLAG5"),
    SUBSYSTEM_6(0x4000, "DM_SUBSYSTEM_UDEV_FLAG6"),
    SUBSYSTEM_7(0x8000, "DM_SUBSYSTEM_UDEV_FLAG7");

    private final int bit;
    private final String property;

    Flag(int bit, String property) {
      this.bit = bit;
      this.property = property;
    }

    /** The udev property the dm rules set for this flag ("DM_UDEV_PRIMARY_SOURCE_FLAG"). */
    public String property() {
      return property;
    }
  }

  /** DM_UDEV_FLAGS_SHIFT: the flags sit in the upper half of the 32-bit cookie. */
  static final int SHIFT = 16;

  public static final UdevFlags NONE = new UdevFlags(0);

  private final int bits;

  private UdevFlags(int bits) {
    this.bits = bits & 0xFFFF;
  }

  public static UdevFlags of(Flag... flags) {
    int b = 0;
    for (Flag f : flags) {
      b |= f.bit;
    }
    return new UdevFlags(b);
  }

  /** The flags of a cookie (DM_COOKIE of a uevent, event_nr of an ioctl); the semaphore base is ignored. */
  public static UdevFlags fromCookie(long cookie) {
    return new UdevFlags((int) (cookie >>> SHIFT));
  }

  /** The cookie to send: these flags, semaphore base 0. */
  public int toCookie() {
    return bits << SHIFT;
  }

  public UdevFlags with(Flag f) {
    return new UdevFlags(bits | f.bit);
  }

  public UdevFlags with(UdevFlags other) {
    return new UdevFlags(bits | other.bits);
  }

  public UdevFlags without(Flag f) {
    return new UdevFlags(bits & ~f.bit);
  }

  public boolean has(Flag f) {
    return (bits & f.bit) != 0;
  }

  public boolean isEmpty() {
    return bits == 0;
  }

  public Set<Flag> flags() {
    EnumSet<Flag> s = EnumSet.noneOf(Flag.class);
    for (Flag f : Flag.values()) {
      if (has(f)) {
        s.add(f);
      }
    }
    return Collections.unmodifiableSet(s);
  }

  /** What {@code dmsetup udevflags COOKIE} prints for these flags, one {@code NAME='1'} per set flag. */
  public List<String> udevflagsLines() {
    List<String> out = new ArrayList<>();
    for (Flag f : flags()) {
      out.add(f.property + "='1'");
    }
    return out;
  }

  /**
   * Parses a flag list: names separated by ',' or '|' (enum names like {@code PRIMARY_SOURCE}, the
   * udev property names {@code DM_UDEV_PRIMARY_SOURCE_FLAG} / {@code DM_SUBSYSTEM_UDEV_FLAG0}, or
   * the libdevmapper.h macro names such as {@code DM_UDEV_DISABLE_LIBRARY_FALLBACK}),
   * or one number (decimal or 0x hex, at most 0xffff). "none" or "" is no flag.
   */
  public static UdevFlags parse(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.equalsIgnoreCase("none")) {
      return NONE;
    }
    if (Character.isDigit(t.charAt(0))) {
      long v;
      try {
        v = t.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid udev flags number '" + t + "'");
      }
      if (v < 0 || v > 0xFFFF) {
        throw new IllegalArgumentException("udev flags " + t + " out of range (16 bits)");
      }
      return new UdevFlags((int) v);
    }
    UdevFlags out = NONE;
    for (String w : t.split("[,|]", -1)) {
      out = out.with(flag(w.strip()));
    }
    return out;
  }

  private static Flag flag(String name) {
    for (Flag f : Flag.values()) {
      if (f.name().equalsIgnoreCase(name) || f.property.equalsIgnoreCase(name)
          || ("DM_UDEV_" + f.name()).equalsIgnoreCase(name)) {   // libdevmapper.h: DM_UDEV_DISABLE_LIBRARY_FALLBACK
        return f;
      }
    }
    throw new IllegalArgumentException("unknown udev flag '" + name + "' (expected one of "
        + String.join(",", java.util.Arrays.stream(Flag.values()).map(Enum::name).toList()) + ")");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UdevFlags u && u.bits == bits;
  }

  @Override
  public int hashCode() {
    return bits;
  }

  /** "DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE" (parseable by {@link #parse}); "none" when empty. */
  @Override
  public String toString() {
    if (bits == 0) {
      return "none";
    }
    return String.join("|", flags().stream().map(Enum::name).toList());
  }
}
