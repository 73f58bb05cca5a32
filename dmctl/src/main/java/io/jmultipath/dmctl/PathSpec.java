package io.jmultipath.dmctl;

import java.util.List;
import java.util.Objects;

/** One path of a multipath table: its device and its per-path selector arguments. */
public record PathSpec(DevT dev, List<String> args) {
  public PathSpec {
    Objects.requireNonNull(dev, "dev");
    args = List.copyOf(args);
  }
}
