package io.jmultipath.dmctl;

import io.jmultipath.selector.PathSelector;
import io.jmultipath.selector.PathSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runtime model of one dm-multipath target (drivers/md/dm-mpath.c semantics): groups with
 * bypass flags, paths with active flag and fail count, current/next group, queue_if_no_path,
 * one {@link PathSelector} per group. Not thread-safe; the emulated kernel serialises access.
 */
final class MpathTarget {
  static final Set<String> HW_HANDLERS = Set.of("alua", "emc", "rdac", "hp_sw");
  static final int PG_INIT_DELAY_DEFAULT = -1;

  static final class Path {
    final DevT dev;
    final List<String> args;
    boolean active = true;
    int failCount;

    Path(DevT dev, List<String> args) {
      this.dev = dev;
      this.args = args;
    }
  }

  static final class Group {
    final io.jmultipath.selector.SelectorSpec spec;
    final PathSelector selector;
    final List<Path> paths = new ArrayList<>();
    final int declaredArgs;
    boolean bypassed;

    Group(io.jmultipath.selector.SelectorSpec spec, PathSelector selector, int declaredArgs) {
      this.spec = spec;
      this.selector = selector;
      this.declaredArgs = declaredArgs;
    }
  }

  final List<Group> groups = new ArrayList<>();
  final Optional<String> hwHandler;
  boolean queueIfNoPath;
  boolean retainHwHandler;
  int pgInitRetries;
  int pgInitDelayMsecs = PG_INIT_DELAY_DEFAULT;
  boolean bioMode;
  int currentPg;   // 0 = none (m->current_pg == NULL)
  int nextPg;      // 0 = none
  int pgInitCount;
  long queuedIos;

  private MpathTarget(Optional<String> hwHandler) {
    this.hwHandler = hwHandler;
  }

  /** Builds the target like the kernel constructor; IllegalArgumentException = EINVAL (message = ti->error). */
  static MpathTarget construct(String params, Predicate<DevT> exists, java.util.function.LongSupplier clock) {
    MultipathTable t = MultipathTable.parse(params);
    if (t.hwHandler().size() > 0 && !HW_HANDLERS.contains(t.hwHandler().get(0))) {
      throw new IllegalArgumentException("unknown hardware handler type '" + t.hwHandler().get(0) + "'");
    }
    MpathTarget m = new MpathTarget(t.hwHandlerName());
    m.parseFeatures(t.features());
    for (PathGroupSpec gs : t.groups()) {
      PathSelector sel;
      try {
        sel = PathSelectors.create(gs.selector(), clock);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("path selector '" + gs.selector().tableForm() + "': " + e.getMessage());
      }
      Group g = new Group(gs.selector(), sel, gs.paths().isEmpty() ? 0 : gs.paths().get(0).args().size());
      for (PathSpec ps : gs.paths()) {
        if (!exists.test(ps.dev())) {
          throw new IllegalArgumentException("error getting device " + ps.dev());
        }
        sel.addPath(ps.dev().toString(), ps.args());
        g.paths.add(new Path(ps.dev(), ps.args()));
      }
      m.groups.add(g);
    }
    m.nextPg = t.initialPg();
    return m;
  }

  private void parseFeatures(List<String> f) {
    for (int i = 0; i < f.size(); i++) {
      String w = f.get(i);
      switch (w) {
        case "queue_if_no_path" -> queueIfNoPath = true;
        case "retain_attached_hw_handler" -> retainHwHandler = true;
        case "pg_init_retries" -> pgInitRetries = number(f, ++i, 0, 50, w);
        case "pg_init_delay_msecs" -> pgInitDelayMsecs = number(f, ++i, 0, 60000, w);
        case "queue_mode" -> {
          String mode = i + 1 < f.size() ? f.get(++i) : "";
          if (!mode.equals("bio") && !mode.equals("rq") && !mode.equals("mq")) {
            throw new IllegalArgumentException("invalid queue_mode '" + mode + "'");
          }
          bioMode = mode.equals("bio");
        }
        default -> throw new IllegalArgumentException("Unrecognised multipath feature request '" + w + "'");
      }
    }
  }

  private static int number(List<String> f, int i, int min, int max, String what) {
    try {
      int v = Integer.parseInt(i < f.size() ? f.get(i) : "");
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + what + " value");
    }
  }

  List<DevT> devices() {
    List<DevT> out = new ArrayList<>();
    for (Group g : groups) {
      for (Path p : g.paths) {
        out.add(p.dev);
      }
    }
    return out;
  }

  int validPaths() {
    int n = 0;
    for (Group g : groups) {
      for (Path p : g.paths) {
        n += p.active ? 1 : 0;
      }
    }
    return n;
  }

  /** The group number the kernel prints: next_pg, else current_pg, else 1 (0 with no groups). */
  int shownPg() {
    if (nextPg > 0) {
      return nextPg;
    }
    if (currentPg > 0) {
      return currentPg;
    }
    return groups.isEmpty() ? 0 : 1;
  }

  String tableParams() {
    List<String> feats = new ArrayList<>();
    if (queueIfNoPath) {
      feats.add("queue_if_no_path");
    }
    if (pgInitRetries > 0) {
      feats.add("pg_init_retries");
      feats.add(Integer.toString(pgInitRetries));
    }
    if (pgInitDelayMsecs != PG_INIT_DELAY_DEFAULT) {
      feats.add("pg_init_delay_msecs");
      feats.add(Integer.toString(pgInitDelayMsecs));
    }
    if (retainHwHandler) {
      feats.add("retain_attached_hw_handler");
    }
    if (bioMode) {
      feats.add("queue_mode");
      feats.add("bio");
    }
    List<PathGroupSpec> gs = new ArrayList<>();
    for (Group g : groups) {
      List<PathSpec> ps = new ArrayList<>();
      for (Path p : g.paths) {
        String a = g.selector.pathTableArgs(p.dev.toString()).strip();
        ps.add(new PathSpec(p.dev, a.isEmpty() ? List.of() : List.of(a.split("\\s+"))));
      }
      gs.add(new PathGroupSpec(io.jmultipath.selector.SelectorSpec.parse(g.selector.name() + " " + g.selector.selectorArgs()), ps));
    }
    return new MultipathTable(feats, hwHandler.map(List::of).orElse(List.of()), shownPg(), gs).format();
  }

  String statusParams() {
    List<MultipathStatus.GroupStatus> gs = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      MultipathStatus.GroupState st = g.bypassed ? MultipathStatus.GroupState.DISABLED
          : currentPg == i + 1 ? MultipathStatus.GroupState.ACTIVE : MultipathStatus.GroupState.ENABLED;
      List<MultipathStatus.PathStatus> ps = new ArrayList<>();
      for (Path p : g.paths) {
        String a = g.selector.pathStatusArgs(p.dev.toString()).strip();
        List<String> args = a.isEmpty() ? List.of() : List.of(a.split("\\s+"));
        ps.add(new MultipathStatus.PathStatus(p.dev, p.active, p.failCount, args));
      }
      List<String> selArgs = List.of(g.selector.selectorArgs().strip().split("\\s+"));
      gs.add(new MultipathStatus.GroupStatus(st, selArgs.subList(1, selArgs.size()), g.selector.statusArgCount(), ps));
    }
    boolean queueIo = queueIfNoPath && validPaths() == 0;
    return MultipathStatus.of(queueIo, pgInitCount, shownPg(), gs).format();
  }

  Optional<Path> path(DevT dev) {
    for (Group g : groups) {
      for (Path p : g.paths) {
        if (p.dev.equals(dev)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private Group groupOf(Path p) {
    for (Group g : groups) {
      if (g.paths.contains(p)) {
        return g;
      }
    }
    throw new IllegalStateException("path not in any group");
  }

  /** fail_path: true if the state changed (kernel triggers an event then). */
  boolean failPath(Path p) {
    if (!p.active) {
      return false;
    }
    p.active = false;
    p.failCount++;
    groupOf(p).selector.failPath(p.dev.toString());
    return true;
  }

  /** reinstate_path: true if the state changed. */
  boolean reinstatePath(Path p) {
    if (p.active) {
      return false;
    }
    p.active = true;
    groupOf(p).selector.reinstatePath(p.dev.toString());
    return true;
  }

  /** switch_group N: un-bypasses all groups, next I/O goes to N. */
  void switchGroup(int n) {
    for (Group g : groups) {
      g.bypassed = false;
    }
    currentPg = 0;
    nextPg = n;
  }

  void bypassGroup(int n, boolean bypass) {
    groups.get(n - 1).bypassed = bypass;
    currentPg = 0;
  }

  /** choose_pgpath(): the path for the next I/O, switching groups like the kernel. */
  Optional<Path> choosePath(long bytes) {
    if (validPaths() == 0) {
      currentPg = 0;
      return Optional.empty();
    }
    if (nextPg > 0) {
      int pg = nextPg;
      nextPg = 0;
      Optional<Path> p = chooseInGroup(pg, bytes);
      if (p.isPresent()) {
        return p;
      }
    }
    if (currentPg > 0) {
      Optional<Path> p = chooseInGroup(currentPg, bytes);
      if (p.isPresent()) {
        return p;
      }
    }
    for (int pass = 1; pass >= 0; pass--) {
      for (int i = 0; i < groups.size(); i++) {
        if (groups.get(i).bypassed == (pass == 1)) {
          continue;
        }
        Optional<Path> p = chooseInGroup(i + 1, bytes);
        if (p.isPresent()) {
          return p;
        }
      }
    }
    currentPg = 0;
    return Optional.empty();
  }

  private Optional<Path> chooseInGroup(int pg, long bytes) {
    Group g = groups.get(pg - 1);
    Optional<String> id = g.selector.selectPath(bytes);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    DevT dev = DevT.parse(id.get());
    if (currentPg != pg) {
      currentPg = pg;
      pgInitCount = 0;
      if (hwHandler.isPresent()) {
        pgInitCount = 1;   // pg_init runs (and, emulated, succeeds at once) on every group switch
      }
    }
    return path(dev);
  }

  PathSelector selectorOf(Path p) {
    return groupOf(p).selector;
  }
}
