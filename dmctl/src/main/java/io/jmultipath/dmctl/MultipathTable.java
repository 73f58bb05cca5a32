package io.jmultipath.dmctl;

import io.jmultipath.selector.SelectorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The params of a dm-multipath table line (reference §6.1/§6.2):
 * {@code <#feat> [feat..] <#hw> [hw name args..] <nr_pgs> <initial_pg>} then per group
 * {@code <selector> <#ps_args> [..] <nr_paths> <#path_args>} then per path {@code <maj:min> [args..]}.
 * {@code features} and {@code hwHandler} hold the words WITHOUT their leading count.
 */
public record MultipathTable(List<String> features, List<String> hwHandler, int initialPg,
                             List<PathGroupSpec> groups) {
  public static final String TARGET_TYPE = "multipath";

  public MultipathTable {
    features = List.copyOf(features);
    hwHandler = List.copyOf(hwHandler);
    groups = List.copyOf(groups);
    if (initialPg < 0) {
      throw new IllegalArgumentException("initial priority group must be >= 0: " + initialPg);
    }
    for (PathGroupSpec g : groups) {
      int n = g.paths().isEmpty() ? 0 : g.paths().get(0).args().size();
      for (PathSpec p : g.paths()) {
        if (p.args().size() != n) {
          throw new IllegalArgumentException("paths of one group must have the same number of args: " + p.dev());
        }
      }
    }
  }

  /** Parses the params text; IllegalArgumentException naming the word and the reason. */
  public static MultipathTable parse(String params) {
    Objects.requireNonNull(params, "params");
    Tokens t = new Tokens("multipath table", params);
    List<String> features = t.take(t.nextCount("feature count"), "features");
    List<String> hw = t.take(t.nextCount("hardware handler arg count"), "hardware handler");
    int nrPgs = t.nextCount("number of priority groups");
    int initial = t.nextCount("initial priority group");
    if (nrPgs == 0 && initial != 0 || initial > nrPgs) {
      throw t.fail("initial priority group " + initial + " out of range (" + nrPgs + " groups)");
    }
    List<PathGroupSpec> groups = new ArrayList<>(nrPgs);
    for (int g = 1; g <= nrPgs; g++) {
      groups.add(parseGroup(t, g));
    }
    t.expectEnd();
    return new MultipathTable(features, hw, initial, groups);
  }

  private static PathGroupSpec parseGroup(Tokens t, int g) {
    SelectorSpec sel;
    try {
      SelectorSpec.Consumed c = SelectorSpec.consume(t.words(), t.position());
      sel = c.spec();
      t.seek(c.next());
    } catch (IllegalArgumentException e) {
      throw t.fail("group " + g + ": " + e.getMessage());
    }
    int nrPaths = t.nextCount(() -> "group " + g + " number of paths");
    int nrArgs = t.nextCount(() -> "group " + g + " per-path arg count");
    List<PathSpec> paths = new ArrayList<>(nrPaths);
    for (int p = 0; p < nrPaths; p++) {
      int pn = p + 1;
      DevT dev = t.nextDev(() -> "group " + g + " path " + pn + " device");
      paths.add(new PathSpec(dev, t.take(nrArgs, () -> "group " + g + " path " + dev + " args")));
    }
    return new PathGroupSpec(sel, paths);
  }

  /** The params text; {@code parse(format())} equals this record and format(parse(s)) == normalised s. */
  public String format() {
    StringBuilder sb = new StringBuilder(64 + groups.size() * 64);
    Tokens.appendCounted(sb, features);
    sb.append(' ');
    Tokens.appendCounted(sb, hwHandler);
    sb.append(' ').append(groups.size()).append(' ').append(initialPg);
    for (PathGroupSpec g : groups) {
      sb.append(' ').append(g.selector().tableForm()).append(' ').append(g.paths().size());
      sb.append(' ').append(g.paths().isEmpty() ? 0 : g.paths().get(0).args().size());
      for (PathSpec p : g.paths()) {
        sb.append(' ').append(p.dev());
        for (String a : p.args()) {
          sb.append(' ').append(a);
        }
      }
    }
    return sb.toString();
  }

  /** True if the features contain queue_if_no_path. */
  public boolean queueIfNoPath() {
    return features.contains("queue_if_no_path");
  }

  /** The hardware handler name ("alua"), if any. */
  public java.util.Optional<String> hwHandlerName() {
    return hwHandler.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(hwHandler.get(0));
  }

  /** All path devices in table order. */
  public List<DevT> devices() {
    List<DevT> out = new ArrayList<>();
    for (PathGroupSpec g : groups) {
      for (PathSpec p : g.paths()) {
        out.add(p.dev());
      }
    }
    return out;
  }

  /** A one-target table list: {@code 0 <sectors> multipath <format()>}. */
  public List<DmTarget> asTable(long sectors) {
    return List.of(new DmTarget(0, sectors, TARGET_TYPE, format()));
  }
}
