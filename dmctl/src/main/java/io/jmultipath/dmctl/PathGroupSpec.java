package io.jmultipath.dmctl;

import io.jmultipath.selector.SelectorSpec;
import java.util.List;
import java.util.Objects;

/** One priority group of a multipath table. All paths carry the same number of args. */
public record PathGroupSpec(SelectorSpec selector, List<PathSpec> paths) {
  public PathGroupSpec {
    Objects.requireNonNull(selector, "selector");
    paths = List.copyOf(paths);
  }
}
