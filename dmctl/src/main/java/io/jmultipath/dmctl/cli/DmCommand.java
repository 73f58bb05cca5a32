package io.jmultipath.dmctl.cli;

import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DeviceMappers;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.DmInfo;
import io.jmultipath.dmctl.DmTarget;
import io.jmultipath.dmctl.EmulatedDeviceMapper;
import io.jmultipath.dmctl.TargetVersion;
import io.jmultipath.dmctl.UdevFlags;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * `jmultipath dm ...`: a dmsetup-style debugging CLI over a {@link DeviceMapper}. Output follows
 * dmsetup's; every failure is one line on stderr and exit status 1.
 */
public final class DmCommand {
  static final String USAGE = "usage: dm version|targets|ls|info [NAME]|table [NAME]|status [NAME]"
      + "|create NAME [--uuid UUID] [--table LINE]...|load NAME --table LINE...|resume NAME"
      + "|suspend NAME [--noflush] [--nolockfs]|remove NAME [--deferred]|rename NAME NEW"
      + "|message NAME SECTOR MESSAGE...|deps NAME|udevflags COOKIE|uevents"
      + " (create/resume/remove/rename take --udevflags FLAG[,FLAG...])";

  private DmCommand() {}

  public static int run(List<String> args, String dmSpec, PrintStream out, PrintStream err) {
    DmArgs a;
    try {
      a = DmArgs.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("dm: " + e.getMessage());
      return 1;
    }
    if (a.command().equals("udevflags")) {
      return udevflags(a.name(), out, err);   // pure decoding, like dmsetup: no device-mapper needed
    }
    try (DeviceMapper dm = DeviceMappers.open(dmSpec)) {
      execute(a, dm, out);
      out.flush();
      return 0;
    } catch (DmException | IllegalArgumentException e) {
      out.flush();
      err.println(oneLine(e.getMessage()));
      return 1;
    } catch (RuntimeException e) {
      out.flush();
      err.println("dm " + a.command() + ": internal error: " + oneLine(String.valueOf(e)));
      return 1;
    }
  }

  private static String oneLine(String s) {
    return s == null ? "error" : s.replace('\n', ' ');
  }

  private static void execute(DmArgs a, DeviceMapper dm, PrintStream out) {
    switch (a.command()) {
      case "version" -> {
        out.println("Library version:   jmultipath-dmctl");
        out.println("Driver version:    " + dm.driverVersion());
      }
      case "targets" -> {
        for (TargetVersion t : dm.targetVersions()) {
          out.printf("%-16s v%s%n", t.name(), t.version());
        }
      }
      case "ls" -> ls(dm, out);
      case "info" -> forEach(a, dm, out, (name, first) -> info(dm, name, out, first), true);
      case "table" -> forEach(a, dm, out, (name, many) -> targets(dm.table(name), name, many, out), false);
      case "status" -> forEach(a, dm, out, (name, many) -> targets(dm.status(name), name, many, out), false);
      case "create" -> dm.create(a.name(), a.uuid().orElse(null), a.table(), a.udev());
      case "load" -> dm.load(a.name(), a.table());
      case "resume" -> dm.resume(a.name(), a.udev());
      case "suspend" -> dm.suspend(a.name(), a.flag("--noflush"), a.flag("--nolockfs"));
      case "remove" -> dm.remove(a.name(), a.flag("--deferred"), a.udev());
      case "rename" -> dm.rename(a.name(), a.positional().get(1), a.udev());
      case "uevents" -> {
        if (!(dm instanceof EmulatedDeviceMapper emu)) {
          throw new IllegalArgumentException("dm uevents: only the emulated kernel keeps a uevent log"
              + " (on a real one: udevadm monitor --kernel --property --subsystem-match=block)");
        }
        emu.uevents().forEach(u -> out.println(u.line()));
      }
      case "message" -> {
        String reply = dm.message(a.name(), a.sector(), a.message());
        if (!reply.isEmpty()) {
          out.println(reply);
        }
      }
      case "deps" -> {
        List<DevT> deps = dm.deps(a.name());
        StringBuilder sb = new StringBuilder().append(deps.size()).append(" dependencies\t:");
        for (DevT d : deps) {
          sb.append(" (").append(d.major()).append(", ").append(d.minor()).append(')');
        }
        out.println(sb);
      }
      default -> throw new IllegalArgumentException("dm: unknown command '" + a.command() + "'");
    }
  }

  /**
   * `dm udevflags COOKIE`: the udev properties a cookie sets, printed exactly as
   * {@code dmsetup udevflags} prints them. COOKIE as dmsetup reads it (strtoul base 0: decimal,
   * 0x hex or 0 octal; non-zero, 32 bits).
   */
  private static int udevflags(String text, PrintStream out, PrintStream err) {
    long v;
    try {
      String t = text.strip().toLowerCase(java.util.Locale.ROOT);
      v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16)
          : t.length() > 1 && t.startsWith("0") ? Long.parseLong(t.substring(1), 8) : Long.parseLong(t);
    } catch (NumberFormatException e) {
      v = -1;
    }
    if (v <= 0 || v > 0xFFFFFFFFL) {
      err.println("dm udevflags: incorrect cookie value '" + text + "'");
      return 1;
    }
    UdevFlags.fromCookie(v).udevflagsLines().forEach(out::println);
    out.flush();
    return 0;
  }

  private interface PerMap {
    void run(String name, boolean many);
  }

  private static void forEach(DmArgs a, DeviceMapper dm, PrintStream out, PerMap f, boolean blankBetween) {
    if (!a.positional().isEmpty()) {
      f.run(a.name(), false);
      return;
    }
    List<DmDevice> all = dm.list();
    if (all.isEmpty()) {
      out.println("No devices found");
      return;
    }
    boolean first = true;
    for (DmDevice d : all) {
      if (blankBetween && !first) {
        out.println();
      }
      first = false;
      f.run(d.name(), true);
    }
  }

  private static void ls(DeviceMapper dm, PrintStream out) {
    List<DmDevice> all = dm.list();
    if (all.isEmpty()) {
      out.println("No devices found");
      return;
    }
    for (DmDevice d : all) {
      out.println(d.name() + "\t(" + d.dev() + ")");
    }
  }

  private static void info(DeviceMapper dm, String name, PrintStream out, boolean unused) {
    Optional<DmInfo> oi = dm.info(name);
    if (oi.isEmpty()) {
      throw DmException.errno("DM_DEV_STATUS", name, io.jmultipath.dmctl.Errno.ENXIO, "Device does not exist.");
    }
    DmInfo i = oi.get();
    List<String> tables = new ArrayList<>();
    if (i.liveTable()) {
      tables.add("LIVE");
    }
    if (i.inactiveTable()) {
      tables.add("INACTIVE");
    }
    out.printf("Name:              %s%n", i.name());
    out.printf("State:             %s%s%n", i.suspended() ? "SUSPENDED" : "ACTIVE", i.readOnly() ? " (READ-ONLY)" : "");
    out.printf("Tables present:    %s%n", tables.isEmpty() ? "None" : String.join(" & ", tables));
    out.printf("Open count:        %d%n", i.openCount());
    out.printf("Event number:      %d%n", i.eventNr());
    out.printf("Major, minor:      %d, %d%n", i.dev().major(), i.dev().minor());
    out.printf("Number of targets: %d%n", i.targetCount());
    i.uuid().ifPresent(u -> out.printf("UUID: %s%n", u));
  }

  private static void targets(List<DmTarget> table, String name, boolean many, PrintStream out) {
    for (DmTarget t : table) {
      out.println(many ? name + ": " + t.line() : t.line());
    }
  }
}
