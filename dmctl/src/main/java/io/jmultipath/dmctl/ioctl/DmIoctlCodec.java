package io.jmultipath.dmctl.ioctl;

import static io.jmultipath.dmctl.ioctl.DmAbi.*;

import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.DmTarget;
import io.jmultipath.dmctl.TargetVersion;
import io.jmultipath.dmctl.UdevFlags;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pure builder/parser of struct dm_ioctl buffers (little-endian x86_64 layout). No native code:
 * every method takes or returns a ByteBuffer. Parsers validate offsets and throw
 * IllegalArgumentException on a malformed buffer instead of reading garbage.
 */
public final class DmIoctlCodec {
  private DmIoctlCodec() {}

  /** A zeroed buffer of {@code size} bytes with the header filled in; data_start = 312. */
  public static ByteBuffer request(int size, String name, String uuid, int flags) {
    if (size < DM_IOCTL_SIZE) {
      throw new IllegalArgumentException("dm_ioctl buffer smaller than " + DM_IOCTL_SIZE + ": " + size);
    }
    ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(OFF_VERSION, OUR_VERSION[0]).putInt(OFF_VERSION + 4, OUR_VERSION[1]).putInt(OFF_VERSION + 8, OUR_VERSION[2]);
    b.putInt(OFF_DATA_SIZE, size);
    b.putInt(OFF_DATA_START, DM_IOCTL_SIZE);
    b.putInt(OFF_FLAGS, flags);
    if (name != null) {
      putString(b, OFF_NAME, NAME_LEN, name, "name");
    }
    if (uuid != null) {
      putString(b, OFF_UUID, UUID_LEN, uuid, "uuid");
    }
    return b;
  }

  /** Sets the event_nr field (the event number DM_DEV_WAIT waits past). */
  public static void setEventNr(ByteBuffer b, int eventNr) {
    b.putInt(OFF_EVENT_NR, eventNr);
  }

  /**
   * Writes a udev cookie into event_nr: the flags in the upper 16 bits, semaphore base 0 (what
   * the kernel passes on as DM_COOKIE in the uevent of a resume, remove or rename).
   */
  public static void putCookie(ByteBuffer b, UdevFlags flags) {
    b.putInt(OFF_EVENT_NR, flags.toCookie());
  }

  /** The udev flags of a request's event_nr (the semaphore base is not kept). */
  public static UdevFlags cookie(ByteBuffer b) {
    return UdevFlags.fromCookie(Integer.toUnsignedLong(le(b).getInt(OFF_EVENT_NR)));
  }

  /** Bytes needed for a DM_TABLE_LOAD payload. */
  public static int targetsSize(List<DmTarget> targets) {
    int n = 0;
    for (DmTarget t : targets) {
      n += TARGET_SPEC_SIZE + align8(t.params().getBytes(StandardCharsets.UTF_8).length + 1);
    }
    return n;
  }

  /** Writes dm_target_spec records at data_start and sets target_count (DM_TABLE_LOAD input). */
  public static void putTargets(ByteBuffer b, List<DmTarget> targets) {
    int off = b.getInt(OFF_DATA_START);
    if (off + targetsSize(targets) > b.capacity()) {
      throw new IllegalArgumentException("buffer too small for table");
    }
    for (DmTarget t : targets) {
      byte[] params = t.params().getBytes(StandardCharsets.UTF_8);
      int recSize = TARGET_SPEC_SIZE + align8(params.length + 1);
      b.putLong(off, t.start()).putLong(off + 8, t.length()).putInt(off + 16, 0).putInt(off + 20, recSize);
      putString(b, off + 24, MAX_TYPE_NAME, t.type(), "target type");
      b.position(off + TARGET_SPEC_SIZE);
      b.put(params);
      b.put((byte) 0);
      off += recSize;
    }
    b.position(0);
    b.putInt(OFF_TARGET_COUNT, targets.size());
  }

  /** Writes a dm_target_msg (sector + message) at data_start (DM_TARGET_MSG input). */
  public static void putMessage(ByteBuffer b, long sector, String message) {
    int off = b.getInt(OFF_DATA_START);
    b.putLong(off, sector);
    putRaw(b, off + 8, message);
  }

  /** Writes a NUL-terminated string at data_start (DM_DEV_RENAME new name). */
  public static void putDataString(ByteBuffer b, String s) {
    putRaw(b, b.getInt(OFF_DATA_START), s);
  }

  private static void putRaw(ByteBuffer b, int off, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (off + bytes.length + 1 > b.capacity()) {
      throw new IllegalArgumentException("buffer too small for '" + s + "'");
    }
    b.position(off);
    b.put(bytes).put((byte) 0);
    b.position(0);
  }

  private static void putString(ByteBuffer b, int off, int field, String s, String what) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length >= field) {
      throw new IllegalArgumentException(what + " longer than " + (field - 1) + " bytes: " + s);
    }
    b.position(off);
    b.put(bytes);
    b.position(0);
  }

  public static DmHeader header(ByteBuffer b) {
    ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (le.capacity() < DM_IOCTL_SIZE) {
      throw new IllegalArgumentException("dm_ioctl reply shorter than " + DM_IOCTL_SIZE);
    }
    String uuid = cString(le, OFF_UUID, UUID_LEN);
    return new DmHeader(le.getInt(0), le.getInt(4), le.getInt(8), le.getInt(OFF_DATA_SIZE), le.getInt(OFF_DATA_START),
        le.getInt(OFF_TARGET_COUNT), le.getInt(OFF_OPEN_COUNT), le.getInt(OFF_FLAGS), le.getInt(OFF_EVENT_NR),
        DevT.decode(le.getLong(OFF_DEV)), cString(le, OFF_NAME, NAME_LEN),
        uuid.isEmpty() ? Optional.empty() : Optional.of(uuid));
  }

  /** Reads a NUL-terminated string at off, at most max bytes (no NUL within max = error). */
  static String cString(ByteBuffer b, int off, int max) {
    int limit = Math.min(b.capacity(), off + max);
    for (int i = off; i < limit; i++) {
      if (b.get(i) == 0) {
        byte[] bytes = new byte[i - off];
        b.get(off, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
      }
    }
    throw new IllegalArgumentException("unterminated string at offset " + off);
  }

  private static ByteBuffer le(ByteBuffer b) {
    return b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** End of valid payload: data_size as returned (bounded by the buffer). */
  private static int end(ByteBuffer b) {
    return Math.min(b.capacity(), le(b).getInt(OFF_DATA_SIZE));
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("malformed dm_ioctl reply: " + what);
    }
  }

  /**
   * DM_LIST_DEVICES output: dm_name_list records from data_start; event_nr (and uuid when
   * DM_NAME_LIST_FLAG_HAS_UUID) follow the name, 8-aligned, when the kernel reports >= 4.37.
   */
  public static List<DmDevice> nameList(ByteBuffer buf) {
    ByteBuffer b = le(buf);
    DmHeader h = header(b);
    boolean hasEventNr = h.versionMajor() > 4 || h.versionMajor() == 4 && h.versionMinor() >= 37;
    int end = end(b);
    int off = h.dataStart();
    List<DmDevice> out = new ArrayList<>();
    check(off >= DM_IOCTL_SIZE && off <= end, "data_start");
    if (off + 16 > end || b.getLong(off) == 0) {
      return out;
    }
    while (true) {
      check(off + 12 < end, "name list record beyond data_size");
      long dev = b.getLong(off);
      int next = b.getInt(off + 8);
      String name = cString(b, off + 12, end - off - 12);
      int eventNr = 0;
      Optional<String> uuid = Optional.empty();
      int tail = align8(off + 12 + name.getBytes(StandardCharsets.UTF_8).length + 1);
      if (hasEventNr && tail + 8 <= end && (next == 0 || tail + 8 <= off + next)) {
        eventNr = b.getInt(tail);
        int flags = b.getInt(tail + 4);
        if ((flags & DM_NAME_LIST_FLAG_HAS_UUID) != 0) {
          uuid = Optional.of(cString(b, tail + 8, end - tail - 8)).filter(s -> !s.isEmpty());
        }
      }
      out.add(new DmDevice(name, DevT.decode(dev), uuid, eventNr));
      if (next == 0) {
        return out;
      }
      check(next >= 16 && off + next < end, "name list next offset " + next);
      off += next;
    }
  }

  /** DM_TABLE_STATUS output (table or status): target_count dm_target_spec records. */
  public static List<DmTarget> targets(ByteBuffer buf) {
    ByteBuffer b = le(buf);
    DmHeader h = header(b);
    int end = end(b);
    int base = h.dataStart();
    int off = base;
    List<DmTarget> out = new ArrayList<>(h.targetCount());
    for (int i = 0; i < h.targetCount(); i++) {
      check(off >= DM_IOCTL_SIZE && off + TARGET_SPEC_SIZE <= end, "target spec " + i + " beyond data_size");
      long start = b.getLong(off);
      long length = b.getLong(off + 8);
      int next = b.getInt(off + 20);
      String type = cString(b, off + 24, MAX_TYPE_NAME);
      String params = cString(b, off + TARGET_SPEC_SIZE, end - off - TARGET_SPEC_SIZE);
      out.add(new DmTarget(start, length, type, params.strip()));
      off = base + next;
    }
    return out;
  }

  /** DM_TABLE_DEPS output: struct dm_target_deps {count, padding, __u64 dev[]}. */
  public static List<DevT> deps(ByteBuffer buf) {
    ByteBuffer b = le(buf);
    DmHeader h = header(b);
    int end = end(b);
    int off = h.dataStart();
    check(off + 8 <= end, "deps header beyond data_size");
    int count = b.getInt(off);
    check(count >= 0 && off + 8 + 8L * count <= end, "deps count " + count);
    List<DevT> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(DevT.decode(b.getLong(off + 8 + 8 * i)));
    }
    return out;
  }

  /** DM_LIST_VERSIONS output: dm_target_versions {next, version[3], name[]} records. */
  public static List<TargetVersion> versions(ByteBuffer buf) {
    ByteBuffer b = le(buf);
    DmHeader h = header(b);
    int end = end(b);
    int off = h.dataStart();
    List<TargetVersion> out = new ArrayList<>();
    if (off + 17 > end) {
      return out;
    }
    while (true) {
      check(off + 17 <= end, "target version record beyond data_size");
      int next = b.getInt(off);
      String name = cString(b, off + 16, end - off - 16);
      if (name.isEmpty() && next == 0 && out.isEmpty()) {
        return out;
      }
      out.add(new TargetVersion(name, b.getInt(off + 4), b.getInt(off + 8), b.getInt(off + 12)));
      if (next == 0) {
        return out;
      }
      check(next >= 17 && off + next < end, "target version next offset " + next);
      off += next;
    }
  }

  /** DM_TARGET_MSG output: the response string if DM_DATA_OUT_FLAG, else "". */
  public static String dataString(ByteBuffer buf) {
    ByteBuffer b = le(buf);
    DmHeader h = header(b);
    if (!h.hasFlag(DM_DATA_OUT_FLAG)) {
      return "";
    }
    int end = end(b);
    check(h.dataStart() < end, "data_start beyond data_size");
    return cString(b, h.dataStart(), end - h.dataStart());
  }
}
