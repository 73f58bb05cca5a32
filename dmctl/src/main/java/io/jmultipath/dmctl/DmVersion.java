package io.jmultipath.dmctl;

/** The device-mapper ioctl interface version (DM_VERSION). */
public record DmVersion(int major, int minor, int patch) {
  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
