package io.jmultipath.dmctl;

import io.jmultipath.dmctl.ioctl.DmControl;
import io.jmultipath.dmctl.ioctl.DmIoctl;
import io.jmultipath.dmctl.ioctl.ErrnoException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event waiting on its own control fd: DM_DEV_ARM_POLL then poll(2) for POLLIN (kernel >= 4.13,
 * dm 4.37). If ARM_POLL is refused (EINVAL/ENOTTY: old kernel), falls back to comparing the
 * event_nr of every map, checked with one DM_DEV_WAIT per map that does not block (the
 * current event_nr minus one returns at once) every {@link #FALLBACK_INTERVAL_MS}.
 */
final class IoctlDmEvents implements DmEvents {
  private static final Logger LOG = LoggerFactory.getLogger(IoctlDmEvents.class);
  static final int FALLBACK_INTERVAL_MS = 1000;

  private final DmControl control;
  private final DeviceMapper dm;
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
        LOG.info("DM_DEV_ARM_POLL not supported ({}), polling event numbers instead", Errno.name(e.errno()));
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
    long deadline = System.nanoTime() + timeout.toNanos();
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
      Map<String, Integer> now = snapshot();
      if (!now.equals(lastSeen)) {
        lastSeen = now;
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      try {
        control.pollIn((int) Math.min(FALLBACK_INTERVAL_MS, Math.max(1, left / 1_000_000L)));
      } catch (ErrnoException e) {
        throw DmException.errno("poll", null, e.errno());
      }
    }
  }

  @Override
  public void close() {
    control.close();
  }
}
