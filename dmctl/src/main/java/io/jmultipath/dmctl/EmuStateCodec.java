package io.jmultipath.dmctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Text form of the emulated kernel's state (the "emulated:FILE" format). Line-based:
 * <pre>
 * jmultipath-emulated-dm 1
 * events N
 * generation N
 * major 253
 * ioerror MAJ:MIN
 * map NAME MINOR EVENT_NR OPEN_COUNT FLAGS UUID|-       (FLAGS: s=suspended r=readonly d=deferred remove, "-")
 * live|inactive START LENGTH TYPE PARAMS                 (the table as loaded)
 * mprt live|inactive QIFNP CUR NEXT PGINIT QUEUED BYPASS DEV=A|F:FAILS,...
 * io COMPLETED FAILED
 * uevent SEQ add|change|remove NAME MAJ:MIN COOKIE|-    (the last uevents, oldest first)
 * </pre>
 */
final class EmuStateCodec {
  static final String MAGIC = "jmultipath-emulated-dm 1";

  private EmuStateCodec() {}

  static String format(EmuKernel k) {
    StringBuilder sb = new StringBuilder(256 + k.maps.size() * 256);
    sb.append(MAGIC).append('\n');
    sb.append("events ").append(k.events).append('\n');
    sb.append("generation ").append(k.generation).append('\n');
    sb.append("major ").append(k.major).append('\n');
    k.ioErrors.stream().map(DevT::toString).sorted().forEach(d -> sb.append("ioerror ").append(d).append('\n'));
    for (EmuMap m : k.maps.values()) {
      String flags = (m.suspended ? "s" : "") + (m.readOnly ? "r" : "") + (m.deferredRemove ? "d" : "");
      sb.append("map ").append(m.name).append(' ').append(m.minor).append(' ').append(m.eventNr).append(' ')
          .append(m.openCount).append(' ').append(flags.isEmpty() ? "-" : flags).append(' ')
          .append(m.uuid.orElse("-")).append('\n');
      table(sb, "live", m.live, m.liveMp);
      table(sb, "inactive", m.inactive, m.inactiveMp);
      sb.append("io ").append(m.ioCompleted).append(' ').append(m.ioFailed).append('\n');
    }
    for (DmUevent u : k.uevents) {
      sb.append("uevent ").append(u.seq()).append(' ').append(u.action().text()).append(' ').append(u.name())
          .append(' ').append(u.dev()).append(' ')
          .append(u.cookie().map(c -> Integer.toUnsignedString(c.toCookie())).orElse("-")).append('\n');
    }
    return sb.toString();
  }

  private static void table(StringBuilder sb, String kind, List<DmTarget> t, MpathTarget mp) {
    if (t == null) {
      return;
    }
    for (DmTarget d : t) {
      sb.append(kind).append(' ').append(d.line()).append('\n');
    }
    if (t.isEmpty()) {
      sb.append(kind).append("-empty\n");
    }
    if (mp != null) {
      sb.append("mprt ").append(kind).append(' ').append(mp.queueIfNoPath ? 1 : 0).append(' ').append(mp.currentPg)
          .append(' ').append(mp.nextPg).append(' ').append(mp.pgInitCount).append(' ').append(mp.queuedIos).append(' ');
      StringBuilder bits = new StringBuilder();
      List<String> paths = new ArrayList<>();
      for (MpathTarget.Group g : mp.groups) {
        bits.append(g.bypassed ? '1' : '0');
        for (MpathTarget.Path p : g.paths) {
          paths.add(p.dev + "=" + (p.active ? "A" : "F") + ":" + p.failCount);
        }
      }
      sb.append(bits.length() == 0 ? "-" : bits).append(' ').append(paths.isEmpty() ? "-" : String.join(",", paths)).append('\n');
    }
  }

  /** Parses a state file; IllegalArgumentException with the line number on anything unexpected. */
  static EmuKernel parse(String text, Predicate<DevT> exists, java.util.function.LongSupplier clock) {
    EmuKernel k = new EmuKernel(exists);
    k.clock = clock;
    String[] lines = text.split("\n");
    if (lines.length == 0 || !lines[0].equals(MAGIC)) {
      throw new IllegalArgumentException("line 1: not an emulated device-mapper state file");
    }
    EmuMap m = null;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String[] w = line.split(" ", 2);
      String rest = w.length > 1 ? w[1] : "";
      try {
        switch (w[0]) {
          case "events" -> k.events = Long.parseLong(rest);
          case "generation" -> k.generation = Long.parseLong(rest);
          case "major" -> k.major = Integer.parseInt(rest);
          case "ioerror" -> k.ioErrors.add(DevT.parse(rest));
          case "map" -> m = map(k, rest);
          case "live", "inactive" -> addTarget(m, w[0], DmTarget.parseLine(rest));
          case "live-empty" -> m.live = m.live == null ? new ArrayList<>() : m.live;
          case "inactive-empty" -> m.inactive = m.inactive == null ? new ArrayList<>() : m.inactive;
          case "mprt" -> runtime(m, rest, clock);
          case "uevent" -> uevent(k, rest);
          case "io" -> {
            String[] f = rest.split(" ");
            m.ioCompleted = Long.parseLong(f[0]);
            m.ioFailed = Long.parseLong(f[1]);
          }
          default -> throw new IllegalArgumentException("unknown keyword '" + w[0] + "'");
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    for (EmuMap map : k.maps.values()) {
      map.live = map.live == null ? null : List.copyOf(map.live);
      map.inactive = map.inactive == null ? null : List.copyOf(map.inactive);
    }
    return k;
  }

  private static void uevent(EmuKernel k, String rest) {
    String[] f = rest.split(" ");
    if (f.length != 5) {
      throw new IllegalArgumentException("uevent needs SEQ ACTION NAME MAJ:MIN COOKIE");
    }
    Optional<UdevFlags> cookie = f[4].equals("-") ? Optional.empty()
        : Optional.of(UdevFlags.fromCookie(Long.parseUnsignedLong(f[4])));
    DmUevent u = new DmUevent(Long.parseLong(f[0]), DmUevent.Action.parse(f[1]), f[2], DevT.parse(f[3]), cookie);
    k.uevents.addLast(u);
    k.ueventSeq = Math.max(k.ueventSeq, u.seq());
  }

  private static EmuMap map(EmuKernel k, String rest) {
    String[] f = rest.split(" ");
    EmuMap m = new EmuMap(f[0], f[5].equals("-") ? Optional.empty() : Optional.of(f[5]), Integer.parseInt(f[1]));
    m.eventNr = Integer.parseInt(f[2]);
    m.openCount = Integer.parseInt(f[3]);
    m.suspended = f[4].contains("s");
    m.readOnly = f[4].contains("r");
    m.deferredRemove = f[4].contains("d");
    k.maps.put(m.name, m);
    return m;
  }

  private static void addTarget(EmuMap m, String kind, DmTarget t) {
    if (kind.equals("live")) {
      m.live = m.live == null ? new ArrayList<>() : m.live;
      m.live.add(t);
    } else {
      m.inactive = m.inactive == null ? new ArrayList<>() : m.inactive;
      m.inactive.add(t);
    }
  }

  private static void runtime(EmuMap m, String rest, java.util.function.LongSupplier clock) {
    String[] f = rest.split(" ");
    boolean live = f[0].equals("live");
    List<DmTarget> t = live ? m.live : m.inactive;
    MpathTarget mp = MpathTarget.construct(t.get(0).params(), d -> true, clock);
    mp.queueIfNoPath = f[1].equals("1");
    mp.currentPg = Integer.parseInt(f[2]);
    mp.nextPg = Integer.parseInt(f[3]);
    mp.pgInitCount = Integer.parseInt(f[4]);
    mp.queuedIos = Long.parseLong(f[5]);
    for (int g = 0; g < mp.groups.size() && !f[6].equals("-"); g++) {
      mp.groups.get(g).bypassed = f[6].charAt(g) == '1';
    }
    if (!f[7].equals("-")) {
      for (String ps : f[7].split(",")) {
        String[] kv = ps.split("=");
        MpathTarget.Path p = mp.path(DevT.parse(kv[0])).orElseThrow();
        String[] st = kv[1].split(":");
        if (st[0].equals("F")) {
          mp.failPath(p);
        }
        p.failCount = Integer.parseInt(st[1]);
      }
    }
    if (live) {
      m.liveMp = mp;
    } else {
      m.inactiveMp = mp;
    }
  }
}
