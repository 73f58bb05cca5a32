package io.jmultipath.dmctl;

import java.util.Objects;

/** One line of a device-mapper table: start and length in 512-byte sectors, target type, params. */
public record DmTarget(long start, long length, String type, String params) {
  public DmTarget {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(params, "params");
  }

  /** The `dmsetup table` form: "0 2097152 multipath <params>". */
  public String line() {
    return params.isEmpty() ? start + " " + length + " " + type : start + " " + length + " " + type + " " + params;
  }

  /** Parses one `dmsetup table` line; IllegalArgumentException with a clear reason otherwise. */
  public static DmTarget parseLine(String line) {
    String t = line.strip();
    String[] f = t.split("\\s+", 4);
    if (f.length < 3) {
      throw new IllegalArgumentException("table line needs '<start> <length> <type> [params]': '" + t + "'");
    }
    long start;
    long length;
    try {
      start = Long.parseLong(f[0]);
      length = Long.parseLong(f[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("table line: start/length not numbers: '" + t + "'", e);
    }
    if (start < 0 || length < 0) {
      throw new IllegalArgumentException("table line: negative start/length: '" + t + "'");
    }
    return new DmTarget(start, length, f[2], f.length > 3 ? f[3].strip() : "");
  }
}
