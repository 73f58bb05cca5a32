package io.jmultipath.dmctl;

import io.jmultipath.selector.PathSelector;
import java.util.Locale;
import java.util.Optional;

/** Target messages and simulated I/O of the emulated kernel (dm-mpath semantics). */
final class EmuTargetOps {
  private static final String OP = "DM_TARGET_MSG";

  private EmuTargetOps() {}

  static String message(EmuKernel k, String name, long sector, String text) {
    EmuMap m = k.get(OP, name);
    String[] argv = text.strip().split("\\s+");
    if (argv[0].equalsIgnoreCase("@cancel_deferred_remove")) {
      if (!m.deferredRemove) {
        throw DmException.errno(OP, name, Errno.ENXIO, "no deferred remove pending");
      }
      m.deferredRemove = false;
      k.dirty = true;
      return "";
    }
    if (m.live == null) {
      throw DmException.errno(OP, name, Errno.EINVAL, "device has no table");
    }
    long size = m.live.get(m.live.size() - 1).start() + m.live.get(m.live.size() - 1).length();
    if (sector < 0 || sector >= size) {
      throw DmException.errno(OP, name, Errno.EINVAL, "sector " + sector + " beyond device");
    }
    MpathTarget mp = m.liveMp;
    if (mp == null) {
      throw DmException.errno(OP, name, Errno.EINVAL, "target does not accept messages");
    }
    if (m.suspended) {
      throw DmException.errno(OP, name, Errno.EBUSY, "device is suspended");
    }
    String verb = argv[0].toLowerCase(Locale.ROOT);
    if (argv.length == 1 && verb.equals("queue_if_no_path")) {
      mp.queueIfNoPath = true;
      k.dirty = true;
      return "";
    }
    if (argv.length == 1 && verb.equals("fail_if_no_path")) {
      mp.queueIfNoPath = false;
      k.dirty = true;
      if (mp.queuedIos > 0 && mp.validPaths() == 0) {
        m.ioFailed += mp.queuedIos;
        mp.queuedIos = 0;
      }
      return "";
    }
    if (argv.length != 2) {
      throw DmException.errno(OP, name, Errno.EINVAL, "invalid multipath message '" + text + "'");
    }
    switch (verb) {
      case "switch_group", "enable_group", "disable_group" -> group(k, m, verb, argv[1]);
      case "fail_path", "reinstate_path" -> path(k, m, verb, argv[1]);
      default -> throw DmException.errno(OP, name, Errno.EINVAL, "unrecognised multipath message '" + argv[0] + "'");
    }
    return "";
  }

  private static void group(EmuKernel k, EmuMap m, String verb, String arg) {
    MpathTarget mp = m.liveMp;
    int n;
    try {
      n = Integer.parseInt(arg);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > mp.groups.size()) {
      throw DmException.errno(OP, m.name, Errno.EINVAL, "invalid priority group number '" + arg + "'");
    }
    if (verb.equals("switch_group")) {
      mp.switchGroup(n);
    } else {
      mp.bypassGroup(n, verb.equals("disable_group"));
    }
    k.mapEvent(m);
  }

  private static void path(EmuKernel k, EmuMap m, String verb, String arg) {
    DevT dev;
    try {
      dev = DevT.parse(arg);
    } catch (IllegalArgumentException e) {
      throw DmException.errno(OP, m.name, Errno.EINVAL, "error getting device " + arg);
    }
    MpathTarget.Path p = m.liveMp.path(dev)
        .orElseThrow(() -> DmException.errno(OP, m.name, Errno.EINVAL, "path " + dev + " is not in the map"));
    boolean changed = verb.equals("fail_path") ? m.liveMp.failPath(p) : m.liveMp.reinstatePath(p);
    if (changed) {
      k.mapEvent(m);
      if (p.active) {
        drainQueue(k, m, k.clock.getAsLong());
      }
    }
  }

  /** One I/O of {@code bytes} through the map at time {@code now}. */
  static IoResult submit(EmuKernel k, String name, long bytes, long now) {
    EmuMap m = k.get("submit_io", name);
    if (m.live == null || m.live.stream().anyMatch(t -> t.type().equals("error"))) {
      m.ioFailed++;
      k.dirty = true;
      return new IoResult(IoResult.Kind.FAILED, Optional.empty(), 0);
    }
    MpathTarget mp = m.liveMp;
    if (mp == null) {
      m.ioCompleted++;
      return new IoResult(IoResult.Kind.COMPLETED, m.deps().stream().findFirst(), 0);
    }
    if (m.suspended) {
      m.heldWhileSuspended++;
      return new IoResult(IoResult.Kind.QUEUED, Optional.empty(), 0);
    }
    int failed = 0;
    while (true) {
      Optional<MpathTarget.Path> p = mp.choosePath(bytes);
      if (p.isEmpty()) {
        k.dirty = true;
        if (mp.queueIfNoPath) {
          mp.queuedIos++;
          return new IoResult(IoResult.Kind.QUEUED, Optional.empty(), failed);
        }
        m.ioFailed++;
        return new IoResult(IoResult.Kind.FAILED, Optional.empty(), failed);
      }
      MpathTarget.Path path = p.get();
      PathSelector sel = mp.selectorOf(path);
      sel.startIo(path.dev.toString(), bytes);
      sel.endIo(path.dev.toString(), bytes, now, now);
      if (k.ioErrors.contains(path.dev)) {
        mp.failPath(path);
        k.mapEvent(m);
        failed++;
        continue;
      }
      m.ioCompleted++;
      return new IoResult(IoResult.Kind.COMPLETED, Optional.of(path.dev), failed);
    }
  }

  /** Re-dispatches queued I/O after a path came back (process_queued_io_list). */
  static void drainQueue(EmuKernel k, EmuMap m, long now) {
    MpathTarget mp = m.liveMp;
    long n = mp.queuedIos;
    mp.queuedIos = 0;
    for (long i = 0; i < n; i++) {
      if (submit(k, m.name, 4096, now).kind() == IoResult.Kind.QUEUED) {
        mp.queuedIos += n - i - 1;
        return;
      }
    }
  }
}
