package io.jmultipath.dmctl;

import static io.jmultipath.dmctl.ioctl.DmAbi.*;

import io.jmultipath.dmctl.ioctl.DmControl;
import io.jmultipath.dmctl.ioctl.DmHeader;
import io.jmultipath.dmctl.ioctl.DmIoctl;
import io.jmultipath.dmctl.ioctl.DmIoctlCodec;
import io.jmultipath.dmctl.ioctl.ErrnoException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A fake ioctl layer: decodes DM ioctl request buffers the way dm-ioctl.c does, runs them on an
 * {@link EmulatedDeviceMapper}, and encodes replies with the kernel's layouts (written here
 * independently of DmIoctlCodec's decoders), including DM_BUFFER_FULL_FLAG when the buffer is
 * too small. Counts calls and can inject errno failures.
 */
final class FakeKernelControl implements DmControl {
  final EmulatedDeviceMapper kernel;
  final Map<DmIoctl, Integer> calls;
  final Map<DmIoctl, Integer> failNext;
  /** The raw event_nr of the last request of each kind (the udev cookie for resume/remove/rename). */
  final Map<DmIoctl, Integer> lastEventNr = new EnumMap<>(DmIoctl.class);
  int versionMinor = 47;
  boolean armPollSupported = true;
  private DmEvents armed;

  FakeKernelControl(Predicate<DevT> existing) {
    this(EmulatedDeviceMapper.inMemory(existing), new EnumMap<>(DmIoctl.class), new EnumMap<>(DmIoctl.class));
  }

  private FakeKernelControl(EmulatedDeviceMapper kernel, Map<DmIoctl, Integer> calls, Map<DmIoctl, Integer> failNext) {
    this.kernel = kernel;
    this.calls = calls;
    this.failNext = failNext;
  }

  int calls(DmIoctl c) {
    synchronized (calls) {
      return calls.getOrDefault(c, 0);
    }
  }

  int totalCalls() {
    synchronized (calls) {
      return calls.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  @Override
  public void ioctl(DmIoctl cmd, ByteBuffer buffer) throws ErrnoException {
    ByteBuffer b = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    synchronized (calls) {
      calls.merge(cmd, 1, Integer::sum);
      lastEventNr.put(cmd, b.getInt(OFF_EVENT_NR));
      Integer injected = failNext.remove(cmd);
      if (injected != null) {
        throw new ErrnoException(cmd.name(), injected);
      }
    }
    if (b.getInt(0) != 4 || b.getInt(4) > versionMinor || b.getInt(OFF_DATA_START) < DM_IOCTL_SIZE) {
      throw new ErrnoException(cmd.name(), Errno.EINVAL);
    }
    DmHeader h = DmIoctlCodec.header(b);
    String name = h.name();
    try {
      dispatch(cmd, b, h, name);
    } catch (DmException e) {
      int errno = e.errno().map(Errno::byName).orElse(Errno.EINVAL);
      throw new ErrnoException(cmd.name(), errno);
    }
    b.putInt(0, 4).putInt(4, versionMinor).putInt(8, 0);
  }

  private void dispatch(DmIoctl cmd, ByteBuffer b, DmHeader h, String name) throws ErrnoException {
    switch (cmd) {
      case DM_VERSION -> { }
      case DM_LIST_DEVICES -> writeNameList(b, kernel.list(), h.hasFlag(DM_UUID_FLAG));
      case DM_DEV_CREATE -> {
        kernel.create(name, h.uuid().orElse(null), List.of());
        writeInfo(b, name);
      }
      case DM_DEV_STATUS -> writeInfo(b, name);
      case DM_TABLE_LOAD -> {
        kernel.load(name, readTargets(b, h));
        writeInfo(b, name);
      }
      case DM_DEV_SUSPEND -> {
        if (h.hasFlag(DM_SUSPEND_FLAG)) {
          kernel.suspend(name, h.hasFlag(DM_NOFLUSH_FLAG), h.hasFlag(DM_SKIP_LOCKFS_FLAG));
        } else {
          kernel.resumeIoctl(name, EmulatedDeviceMapper.rawCookie(h.eventNr()));
        }
        writeInfo(b, name);
      }
      case DM_DEV_REMOVE -> kernel.removeIoctl(name, h.hasFlag(DM_DEFERRED_REMOVE),
          EmulatedDeviceMapper.rawCookie(h.eventNr()));
      case DM_DEV_RENAME -> kernel.renameIoctl(name, cstring(b, h.dataStart()),
          EmulatedDeviceMapper.rawCookie(h.eventNr()));
      case DM_TABLE_STATUS -> writeTargets(b, name,
          h.hasFlag(DM_STATUS_TABLE_FLAG) ? kernel.table(name) : kernel.status(name));
      case DM_TABLE_DEPS -> writeDeps(b, kernel.deps(name));
      case DM_LIST_VERSIONS -> writeVersions(b, kernel.targetVersions());
      case DM_TARGET_MSG -> {
        String reply = kernel.message(name, b.getLong(h.dataStart()), cstring(b, h.dataStart() + 8));
        b.putInt(OFF_FLAGS, b.getInt(OFF_FLAGS) & ~DM_DATA_OUT_FLAG);
        if (!reply.isEmpty()) {
          putCString(b, h.dataStart(), reply);
          b.putInt(OFF_FLAGS, b.getInt(OFF_FLAGS) | DM_DATA_OUT_FLAG);
        }
      }
      case DM_DEV_ARM_POLL -> {
        if (!armPollSupported) {
          throw new ErrnoException(cmd.name(), Errno.EINVAL);
        }
        armed = kernel.events();
      }
      case DM_DEV_WAIT -> devWait(name, h.eventNr());
      default -> throw new ErrnoException(cmd.name(), Errno.ENOTTY);
    }
  }

  /** dm_wait_event(): blocks until the map's event_nr differs from the given one. */
  private void devWait(String name, int eventNr) throws ErrnoException {
    try (DmEvents ev = kernel.events()) {
      while (true) {
        DmInfo i = kernel.info(name).orElseThrow(() -> new ErrnoException("DM_DEV_WAIT", Errno.ENXIO));
        if (i.eventNr() != eventNr) {
          return;
        }
        ev.await(Duration.ofSeconds(1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ErrnoException("DM_DEV_WAIT", Errno.EINTR);
    }
  }

  private static String cstring(ByteBuffer b, int off) {
    int end = off;
    while (b.get(end) != 0) {
      end++;
    }
    byte[] bytes = new byte[end - off];
    b.get(off, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void putCString(ByteBuffer b, int off, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    b.put(off, bytes);
    b.put(off + bytes.length, (byte) 0);
  }

  private static int align8(int n) {
    return (n + 7) & ~7;
  }

  /** dm-ioctl.c next_target(): input spec.next is relative to the spec itself. */
  private static List<DmTarget> readTargets(ByteBuffer b, DmHeader h) {
    List<DmTarget> out = new ArrayList<>();
    int off = h.dataStart();
    for (int i = 0; i < h.targetCount(); i++) {
      String type = cstring(b, off + 24);
      out.add(new DmTarget(b.getLong(off), b.getLong(off + 8), type, cstring(b, off + TARGET_SPEC_SIZE)));
      off += b.getInt(off + 20);
    }
    return out;
  }

  private void writeInfo(ByteBuffer b, String name) throws ErrnoException {
    DmInfo i = kernel.info(name).orElseThrow(() -> new ErrnoException("status", Errno.ENXIO));
    int flags = b.getInt(OFF_FLAGS) & ~(DM_SUSPEND_FLAG | DM_READONLY_FLAG | DM_ACTIVE_PRESENT_FLAG | DM_INACTIVE_PRESENT_FLAG);
    flags |= (i.suspended() ? DM_SUSPEND_FLAG : 0) | (i.readOnly() ? DM_READONLY_FLAG : 0)
        | (i.liveTable() ? DM_ACTIVE_PRESENT_FLAG : 0) | (i.inactiveTable() ? DM_INACTIVE_PRESENT_FLAG : 0);
    b.putInt(OFF_FLAGS, flags).putInt(OFF_EVENT_NR, i.eventNr()).putInt(OFF_OPEN_COUNT, i.openCount())
        .putInt(OFF_TARGET_COUNT, i.targetCount()).putLong(OFF_DEV, i.dev().encode());
    for (int k = 0; k < NAME_LEN + UUID_LEN; k++) {
      b.put(OFF_NAME + k, (byte) 0);
    }
    putCString(b, OFF_NAME, i.name());
    i.uuid().ifPresent(u -> putCString(b, OFF_UUID, u));
  }

  private static boolean full(ByteBuffer b, int needed) {
    if (needed > b.getInt(OFF_DATA_SIZE)) {
      b.putInt(OFF_FLAGS, b.getInt(OFF_FLAGS) | DM_BUFFER_FULL_FLAG);
      return true;
    }
    return false;
  }

  private void writeNameList(ByteBuffer b, List<DmDevice> devs, boolean withUuid) {
    int start = DM_IOCTL_SIZE;
    int needed = start + 16;
    for (DmDevice d : devs) {
      needed += align8(12 + d.name().getBytes(StandardCharsets.UTF_8).length + 1)
          + align8(8 + (withUuid ? d.uuid().orElse("").getBytes(StandardCharsets.UTF_8).length + 1 : 0));
    }
    if (full(b, needed)) {
      return;
    }
    b.putLong(start, 0);
    int off = start;
    for (int i = 0; i < devs.size(); i++) {
      DmDevice d = devs.get(i);
      b.putLong(off, d.dev().encode());
      putCString(b, off + 12, d.name());
      int tail = align8(off + 12 + d.name().getBytes(StandardCharsets.UTF_8).length + 1);
      int flags = 0;
      int after = tail + 8;
      if (versionMinor >= 37) {
        b.putInt(tail, d.eventNr());
        if (withUuid && d.uuid().isPresent()) {
          flags = DM_NAME_LIST_FLAG_HAS_UUID;
          putCString(b, tail + 8, d.uuid().get());
          after += d.uuid().get().getBytes(StandardCharsets.UTF_8).length + 1;
        } else if (withUuid) {
          flags = 2;
        }
        b.putInt(tail + 4, flags);
      }
      int next = align8(after) - off;
      b.putInt(off + 8, i == devs.size() - 1 ? 0 : next);
      off += next;
    }
  }

  /** dm-ioctl.c retrieve_status(): output spec.next is relative to data_start. */
  private static void writeTargets(ByteBuffer b, String name, List<DmTarget> targets) {
    int base = DM_IOCTL_SIZE;
    int needed = base;
    for (DmTarget t : targets) {
      needed += align8(TARGET_SPEC_SIZE + t.params().getBytes(StandardCharsets.UTF_8).length + 2);
    }
    if (full(b, needed)) {
      return;
    }
    int off = base;
    for (DmTarget t : targets) {
      b.putLong(off, t.start()).putLong(off + 8, t.length()).putInt(off + 16, 0);
      putCString(b, off + 24, t.type());
      putCString(b, off + TARGET_SPEC_SIZE, t.params() + " ");   // the kernel leaves a trailing space
      int next = align8(off + TARGET_SPEC_SIZE + t.params().getBytes(StandardCharsets.UTF_8).length + 2);
      b.putInt(off + 20, next - base);
      off = next;
    }
    b.putInt(OFF_TARGET_COUNT, targets.size());
  }

  private static void writeDeps(ByteBuffer b, List<DevT> deps) {
    int off = DM_IOCTL_SIZE;
    if (full(b, off + 8 + 8 * deps.size())) {
      return;
    }
    b.putInt(off, deps.size()).putInt(off + 4, 0);
    for (int i = 0; i < deps.size(); i++) {
      b.putLong(off + 8 + 8 * i, deps.get(i).encode());
    }
  }

  private static void writeVersions(ByteBuffer b, List<TargetVersion> vs) {
    int off = DM_IOCTL_SIZE;
    int needed = off;
    for (TargetVersion v : vs) {
      needed += align8(16 + v.name().length() + 1);
    }
    if (full(b, needed)) {
      return;
    }
    for (int i = 0; i < vs.size(); i++) {
      TargetVersion v = vs.get(i);
      int size = align8(16 + v.name().length() + 1);
      b.putInt(off, i == vs.size() - 1 ? 0 : size).putInt(off + 4, v.major()).putInt(off + 8, v.minor())
          .putInt(off + 12, v.patch());
      putCString(b, off + 16, v.name());
      off += size;
    }
  }

  @Override
  public boolean pollIn(int timeoutMillis) throws ErrnoException {
    DmEvents e = armed;
    if (e == null) {
      return false;
    }
    try {
      return e.await(Duration.ofMillis(Math.max(0, timeoutMillis)));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new ErrnoException("poll", Errno.EINTR);
    }
  }

  @Override
  public DmControl reopen() {
    FakeKernelControl c = new FakeKernelControl(kernel, calls, failNext);
    c.versionMinor = versionMinor;
    c.armPollSupported = armPollSupported;
    return c;
  }

  @Override
  public String path() {
    return "fake:/dev/mapper/control";
  }

  @Override
  public void close() {
  }
}
