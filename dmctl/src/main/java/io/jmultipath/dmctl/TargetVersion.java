package io.jmultipath.dmctl;

/** One registered target type (DM_LIST_VERSIONS). */
public record TargetVersion(String name, int major, int minor, int patch) {
  public String version() {
    return major + "." + minor + "." + patch;
  }
}
