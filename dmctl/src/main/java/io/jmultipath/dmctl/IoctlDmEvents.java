package io.jmultipath.dmctl;

import io.jmultipath.dmctl.ioctl.DmControl;
import io.jmultipath.dmctl.ioctl.DmIoctl;
import io.jmultipath.dmctl.ioctl.ErrnoException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event waiting on its own control fd: DM_DEV_ARM_POLL then poll(2) for POLLIN (kernel >= 4.13).
 * If ARM_POLL is refused (EINVAL/ENOTTY: old kernel), falls back to DM_DEV_WAIT: one daemon
 * thread per map blocks in DM_DEV_WAIT(name, event_nr) and signals when it returns; await()
 * also compares the list of maps and their event numbers (creation/removal raise no per-map
 * event), at least every {@link #FALLBACK_RESCAN_MS} ms. A waiter blocked in DM_DEV_WAIT cannot
 * be interrupted; after close() it ends with the map's next event or removal.
 */
final class IoctlDmEvents implements DmEvents {
  private static final Logger LOG = LoggerFactory.getLogger(IoctlDmEvents.class);
  static final int FALLBACK_RESCAN_MS = 1000;

  private final DmControl control;
  private final DeviceMapper dm;
  private final Object monitor = new Object();
  private final Set<String> waiting = new HashSet<>();   // guarded by monitor
  private long signals;                                  // guarded by monitor
  private boolean closed;                                // guarded by monitor
  private boolean armPoll = true;
  private Map<String, Integer> lastSeen;

  IoctlDmEvents(DmControl control, DeviceMapper dm) {
    this.control = control;
    this.dm = dm;
    arm();
  }

  private void arm() {
    try {
      IoctlDeviceMapper.simpleCall(control, DmIoctl.DM_DEV_ARM_POLL, null, 0);
    } catch (ErrnoException e) {
      if (e.errno() == Errno.EINVAL || e.errno() == Errno.ENOTTY) {
        LOG.info("DM_DEV_ARM_POLL not supported ({}), falling back to DM_DEV_WAIT", Errno.name(e.errno()));
        armPoll = false;
        lastSeen = snapshot();
      } else {
        throw DmException.errno("DM_DEV_ARM_POLL", null, e.errno());
      }
    }
  }

  private Map<String, Integer> snapshot() {
    Map<String, Integer> m = new HashMap<>();
    for (DmDevice d : dm.list()) {
      m.put(d.name(), d.eventNr());
    }
    return m;
  }

  @Override
  public synchronized boolean await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
    if (armPoll) {
      try {
        boolean readable = control.pollIn((int) Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis())));
        if (readable) {
          arm();
        }
        return readable;
      } catch (ErrnoException e) {
        throw DmException.errno("poll", null, e.errno());
      }
    }
    while (true) {
      long seenSignals;
      synchronized (monitor) {
        seenSignals = signals;
      }
      Map<String, Integer> now = snapshot();
      if (!now.equals(lastSeen)) {
        lastSeen = now;
        return true;
      }
      now.forEach(this::startWaiter);
      synchronized (monitor) {
        while (signals == seenSignals) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          monitor.wait(Math.max(1, Math.min(FALLBACK_RESCAN_MS, left / 1_000_000L)));
          if (deadline - System.nanoTime() > 0 && signals == seenSignals) {
            break;   // periodic rescan for created/removed maps
          }
        }
      }
    }
  }

  private void startWaiter(String name, int eventNr) {
    synchronized (monitor) {
      if (closed || !waiting.add(name)) {
        return;
      }
    }
    Thread t = new Thread(() -> waitFor(name, eventNr), "dm-dev-wait-" + name);
    t.setDaemon(true);
    t.start();
  }

  private void waitFor(String name, int eventNr) {
    try {
      IoctlDeviceMapper.simpleCall(control, DmIoctl.DM_DEV_WAIT, name, eventNr);
    } catch (ErrnoException e) {
      LOG.debug("DM_DEV_WAIT {}: {}", name, e.getMessage());   // ENXIO: removed; the rescan notices
    } finally {
      synchronized (monitor) {
        waiting.remove(name);
        signals++;
        monitor.notifyAll();
      }
    }
  }

  @Override
  public void close() {
    synchronized (monitor) {
      closed = true;
    }
    control.close();
  }
}
