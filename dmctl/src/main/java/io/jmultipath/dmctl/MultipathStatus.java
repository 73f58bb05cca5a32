package io.jmultipath.dmctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The params of a dm-multipath status line (reference §6.2):
 * {@code 2 <queue_io> <pg_init_count> <#hw_args> [..] <nr_pgs> <current_pg>} then per group
 * {@code A|D|E <#ps_status_args> [..] <nr_paths> <#info_args>} then per path
 * {@code <maj:min> A|F <fail_count> [info args..]}. Lists hold words WITHOUT their counts.
 */
public record MultipathStatus(List<String> features, List<String> hwHandler, int currentPg,
                              List<GroupStatus> groups) {

  /** Priority group state letter. */
  public enum GroupState {
    ACTIVE('A'), DISABLED('D'), ENABLED('E');

    private final char letter;

    GroupState(char letter) {
      this.letter = letter;
    }

    public char letter() {
      return letter;
    }

    static Optional<GroupState> of(String s) {
      for (GroupState g : values()) {
        if (s.length() == 1 && s.charAt(0) == g.letter) {
          return Optional.of(g);
        }
      }
      return Optional.empty();
    }
  }

  /** One group: state, selector status args, declared per-path info-arg count, paths. */
  public record GroupStatus(GroupState state, List<String> selectorArgs, int infoArgCount, List<PathStatus> paths) {
    public GroupStatus {
      selectorArgs = List.copyOf(selectorArgs);
      paths = List.copyOf(paths);
      for (PathStatus p : paths) {
        if (p.selectorArgs().size() != infoArgCount) {
          throw new IllegalArgumentException("path " + p.dev() + " has " + p.selectorArgs().size()
              + " info args, group declares " + infoArgCount);
        }
      }
    }
  }

  /** One path: device, active (A) or failed (F), fail count, selector info args. */
  public record PathStatus(DevT dev, boolean active, int failCount, List<String> selectorArgs) {
    public PathStatus {
      selectorArgs = List.copyOf(selectorArgs);
    }
  }

  public MultipathStatus {
    features = List.copyOf(features);
    hwHandler = List.copyOf(hwHandler);
    groups = List.copyOf(groups);
  }

  /** Kernel status: features are always "2 <queue_io> <pg_init_count>". */
  public static MultipathStatus of(boolean queueIo, int pgInitCount, int currentPg, List<GroupStatus> groups) {
    return new MultipathStatus(List.of(queueIo ? "1" : "0", Integer.toString(pgInitCount)), List.of(), currentPg, groups);
  }

  public static MultipathStatus parse(String params) {
    Tokens t = new Tokens("multipath status", params);
    List<String> features = t.take(t.nextCount("feature count"), "features");
    List<String> hw = t.take(t.nextCount("hardware handler arg count"), "hardware handler");
    int nrPgs = t.nextCount("number of priority groups");
    int current = t.nextCount("current priority group");
    List<GroupStatus> groups = new ArrayList<>(nrPgs);
    for (int g = 1; g <= nrPgs; g++) {
      int gn = g;
      String letter = t.next(() -> "group " + gn + " state");
      GroupState st = GroupState.of(letter)
          .orElseThrow(() -> t.failAt(t.position() - 1, "group state must be A, D or E: '" + letter + "'"));
      List<String> psArgs = t.take(t.nextCount(() -> "group " + gn + " selector status arg count"), "selector status");
      int nrPaths = t.nextCount(() -> "group " + gn + " number of paths");
      int infoArgs = t.nextCount(() -> "group " + gn + " info arg count");
      List<PathStatus> paths = new ArrayList<>(nrPaths);
      for (int p = 0; p < nrPaths; p++) {
        int pn = p + 1;
        DevT dev = t.nextDev(() -> "group " + gn + " path " + pn + " device");
        String af = t.next(() -> "path " + dev + " state");
        if (!af.equals("A") && !af.equals("F")) {
          throw t.failAt(t.position() - 1, "path state must be A or F: '" + af + "'");
        }
        int fails = t.nextCount(() -> "path " + dev + " fail count");
        paths.add(new PathStatus(dev, af.equals("A"), fails, t.take(infoArgs, () -> "path " + dev + " info args")));
      }
      groups.add(new GroupStatus(st, psArgs, infoArgs, paths));
    }
    t.expectEnd();
    return new MultipathStatus(features, hw, current, groups);
  }

  public String format() {
    StringBuilder sb = new StringBuilder(64 + groups.size() * 64);
    Tokens.appendCounted(sb, features);
    sb.append(' ');
    Tokens.appendCounted(sb, hwHandler);
    sb.append(' ').append(groups.size()).append(' ').append(currentPg);
    for (GroupStatus g : groups) {
      sb.append(' ').append(g.state().letter()).append(' ');
      Tokens.appendCounted(sb, g.selectorArgs());
      sb.append(' ').append(g.paths().size()).append(' ').append(g.infoArgCount());
      for (PathStatus p : g.paths()) {
        sb.append(' ').append(p.dev()).append(' ').append(p.active() ? 'A' : 'F').append(' ').append(p.failCount());
        for (String a : p.selectorArgs()) {
          sb.append(' ').append(a);
        }
      }
    }
    return sb.toString();
  }

  /** Feature word 1: I/O is being queued (kernel MPATHF_QUEUE_IO). */
  public boolean queueIo() {
    return features.size() >= 1 && features.get(0).equals("1");
  }

  /** Feature word 2: pg_init_count (multipath-tools stores this as "queuedio"). */
  public int pgInitCount() {
    return features.size() >= 2 ? Integer.parseInt(features.get(1)) : 0;
  }

  /** The status of one path, if it is in the map. */
  public Optional<PathStatus> path(DevT dev) {
    for (GroupStatus g : groups) {
      for (PathStatus p : g.paths()) {
        if (p.dev().equals(dev)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
