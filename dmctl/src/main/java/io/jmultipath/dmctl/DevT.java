package io.jmultipath.dmctl;

/** A Linux device number ("major:minor"). */
public record DevT(int major, int minor) {
  public DevT {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("negative device number " + major + ":" + minor);
    }
  }

  /** Parses "8:16"; IllegalArgumentException on anything else. */
  public static DevT parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("not a major:minor device number: '" + text + "'");
    }
    try {
      return new DevT(Integer.parseInt(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a major:minor device number: '" + text + "'", e);
    }
  }

  /** Decodes the kernel's 64-bit dev_t encoding (as in dm_ioctl.dev / huge_encode_dev). */
  public static DevT decode(long dev) {
    int major = (int) (((dev >>> 8) & 0xfffL) | ((dev >>> 32) & ~0xfffL));
    int minor = (int) ((dev & 0xffL) | ((dev >>> 12) & ~0xffL));
    return new DevT(major & 0x7fffffff, minor & 0x7fffffff);
  }

  /** The kernel's 64-bit dev_t encoding (new_encode_dev / huge_encode_dev). */
  public long encode() {
    long ma = major & 0xffffffffL;
    long mi = minor & 0xffffffffL;
    return (mi & 0xffL) | ((ma & 0xfffL) << 8) | ((mi & ~0xffL) << 12) | ((ma & ~0xfffL) << 32);
  }

  @Override
  public String toString() {
    return major + ":" + minor;
  }
}
