package io.jmultipath.dmctl.cli;

import io.jmultipath.dmctl.DmTarget;
import io.jmultipath.dmctl.UdevFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parsed `dm` command line: command, positional words, --options. */
record DmArgs(String command, List<String> positional, Optional<String> uuid, List<DmTarget> table,
              Set<String> flags, UdevFlags udev) {
  private static final Map<String, int[]> ARITY = Map.ofEntries(
      Map.entry("version", new int[] {0, 0}), Map.entry("targets", new int[] {0, 0}),
      Map.entry("ls", new int[] {0, 0}), Map.entry("info", new int[] {0, 1}),
      Map.entry("table", new int[] {0, 1}), Map.entry("status", new int[] {0, 1}),
      Map.entry("create", new int[] {1, 1}), Map.entry("load", new int[] {1, 1}),
      Map.entry("resume", new int[] {1, 1}), Map.entry("suspend", new int[] {1, 1}),
      Map.entry("remove", new int[] {1, 1}), Map.entry("rename", new int[] {2, 2}),
      Map.entry("message", new int[] {3, Integer.MAX_VALUE}), Map.entry("deps", new int[] {1, 1}),
      Map.entry("udevflags", new int[] {1, 1}), Map.entry("uevents", new int[] {0, 0}));
  /** The commands whose ioctl emits a uevent and so carries a udev cookie. */
  private static final Set<String> WITH_COOKIE = Set.of("create", "resume", "remove", "rename");
  private static final Set<String> FLAGS = Set.of("--noflush", "--nolockfs", "--deferred", "--notable");

  static DmArgs parse(List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("missing command; " + DmCommand.USAGE);
    }
    String cmd = args.get(0);
    int[] arity = ARITY.get(cmd);
    if (arity == null) {
      throw new IllegalArgumentException("unknown command '" + cmd + "'; " + DmCommand.USAGE);
    }
    List<String> pos = new ArrayList<>();
    List<DmTarget> table = new ArrayList<>();
    Optional<String> uuid = Optional.empty();
    Set<String> flags = new java.util.HashSet<>();
    UdevFlags udev = UdevFlags.NONE;
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (cmd.equals("message") && pos.size() >= 2) {
        pos.add(a);   // message words are taken verbatim
      } else if (a.equals("--uuid") || a.equals("-u")) {
        uuid = Optional.of(value(args, ++i, a));
      } else if (a.equals("--table")) {
        for (String line : value(args, ++i, a).split("[\n;]")) {
          if (!line.isBlank()) {
            table.add(DmTarget.parseLine(line));
          }
        }
      } else if (a.equals("--udevflags")) {
        if (!WITH_COOKIE.contains(cmd)) {
          throw new IllegalArgumentException(cmd + ": --udevflags only applies to create, resume, remove and rename");
        }
        String v = value(args, ++i, a);
        try {
          udev = UdevFlags.parse(v);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(cmd + ": --udevflags: " + e.getMessage());
        }
      } else if (FLAGS.contains(a)) {
        flags.add(a);
      } else if (a.startsWith("--")) {
        throw new IllegalArgumentException(cmd + ": unknown option '" + a + "'");
      } else {
        pos.add(a);
      }
    }
    if (pos.size() < arity[0] || pos.size() > arity[1]) {
      throw new IllegalArgumentException(cmd + ": wrong number of arguments; " + DmCommand.USAGE);
    }
    if (cmd.equals("load") && table.isEmpty()) {
      throw new IllegalArgumentException("load: --table LINE required");
    }
    if (cmd.equals("create") && table.isEmpty() && !flags.contains("--notable")) {
      throw new IllegalArgumentException("create: --table LINE (or --notable) required");
    }
    if (cmd.equals("message")) {
      try {
        Long.parseUnsignedLong(pos.get(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("message: sector must be a number: '" + pos.get(1) + "'");
      }
    }
    return new DmArgs(cmd, List.copyOf(pos), uuid, List.copyOf(table), Set.copyOf(flags), udev);
  }

  private static String value(List<String> args, int i, String opt) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(opt + " needs a value");
    }
    return args.get(i);
  }

  String name() {
    return positional.get(0);
  }

  boolean flag(String f) {
    return flags.contains(f);
  }

  long sector() {
    return Long.parseUnsignedLong(positional.get(1));
  }

  String message() {
    return String.join(" ", positional.subList(2, positional.size()));
  }
}
