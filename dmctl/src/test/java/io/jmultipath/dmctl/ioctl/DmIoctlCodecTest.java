package io.jmultipath.dmctl.ioctl;

import static org.junit.jupiter.api.Assertions.*;

import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.DmTarget;
import io.jmultipath.dmctl.TargetVersion;
import io.jmultipath.dmctl.UdevFlags;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Byte-level checks against linux-abi-x86_64.txt (offsets, request codes, record chaining). */
class DmIoctlCodecTest {
  @Test
  void requestCodesMatchTheAbiFile() {
    assertEquals(0xc138fd00L, DmIoctl.DM_VERSION.request());
    assertEquals(0xc138fd02L, DmIoctl.DM_LIST_DEVICES.request());
    assertEquals(0xc138fd03L, DmIoctl.DM_DEV_CREATE.request());
    assertEquals(0xc138fd06L, DmIoctl.DM_DEV_SUSPEND.request());
    assertEquals(0xc138fd08L, DmIoctl.DM_DEV_WAIT.request());
    assertEquals(0xc138fd09L, DmIoctl.DM_TABLE_LOAD.request());
    assertEquals(0xc138fd0cL, DmIoctl.DM_TABLE_STATUS.request());
    assertEquals(0xc138fd0eL, DmIoctl.DM_TARGET_MSG.request());
    assertEquals(0xc138fd10L, DmIoctl.DM_DEV_ARM_POLL.request());
    assertEquals(3241737489L, DmIoctl.DM_GET_TARGET_VERSION.request());
  }

  @Test
  void headerLayout() {
    ByteBuffer b = DmIoctlCodec.request(16384, "mpatha", "mpath-3600", DmAbi.DM_UUID_FLAG).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(4, b.getInt(0));
    assertEquals(0, b.getInt(4));
    assertEquals(16384, b.getInt(12));
    assertEquals(312, b.getInt(16));
    assertEquals(0x4000, b.getInt(28));
    assertEquals('m', b.get(48));
    assertEquals('a', b.get(53));
    assertEquals(0, b.get(54));
    assertEquals('m', b.get(176));
    assertEquals('0', b.get(185));
    DmHeader h = DmIoctlCodec.header(b);
    assertEquals("mpatha", h.name());
    assertEquals(Optional.of("mpath-3600"), h.uuid());
  }

  /** event_nr (offset 32, __u32 LE) carries the udev cookie: flags << 16, semaphore base 0. */
  @Test
  void udevCookieGoesToEventNr() {
    ByteBuffer b = DmIoctlCodec.request(1024, "mpatha", null, 0).order(ByteOrder.LITTLE_ENDIAN);
    UdevFlags f = UdevFlags.of(UdevFlags.Flag.DISABLE_LIBRARY_FALLBACK, UdevFlags.Flag.PRIMARY_SOURCE,
        UdevFlags.Flag.SUBSYSTEM_0);
    DmIoctlCodec.putCookie(b, f);
    assertEquals(0x01600000, b.getInt(32));
    assertEquals(0x00, b.get(32));
    assertEquals(0x00, b.get(33));
    assertEquals(0x60, b.get(34));
    assertEquals(0x01, b.get(35));
    assertEquals(0, b.getInt(28), "flags untouched");
    assertEquals(0, b.getLong(40), "dev untouched");
    assertEquals(f, DmIoctlCodec.cookie(b));
    assertEquals(0x01600000, DmIoctlCodec.header(b).eventNr());
    // the top flag bit makes the cookie negative as an int: still decoded as unsigned
    DmIoctlCodec.putCookie(b, UdevFlags.of(UdevFlags.Flag.SUBSYSTEM_7));
    assertEquals(0x80000000, b.getInt(32));
    assertEquals(UdevFlags.of(UdevFlags.Flag.SUBSYSTEM_7), DmIoctlCodec.cookie(b));
    // a libdevmapper cookie with a semaphore base (0x0D4D magic in the low half on the wire): flags only
    b.putInt(32, 0x00400d4d);
    assertEquals(UdevFlags.of(UdevFlags.Flag.PRIMARY_SOURCE), DmIoctlCodec.cookie(b));
  }

  @Test
  void overlongNameCannotBeEncoded() {
    assertThrows(IllegalArgumentException.class, () -> DmIoctlCodec.request(1024, "x".repeat(128), null, 0));
    assertThrows(IllegalArgumentException.class, () -> DmIoctlCodec.request(1024, "n", "u".repeat(129), 0));
    assertThrows(IllegalArgumentException.class, () -> DmIoctlCodec.request(311, "n", null, 0));
  }

  @Test
  void tableLoadPayload() {
    List<DmTarget> t = List.of(new DmTarget(0, 100, "linear", "8:16 0"), new DmTarget(100, 50, "multipath", "0 0 0 0"));
    ByteBuffer b = DmIoctlCodec.request(4096, "m", null, 0).order(ByteOrder.LITTLE_ENDIAN);
    DmIoctlCodec.putTargets(b, t);
    assertEquals(2, b.getInt(20));
    int s0 = 312;
    assertEquals(0, b.getLong(s0));
    assertEquals(100, b.getLong(s0 + 8));
    assertEquals(48, b.getInt(s0 + 20), "next = 40 + align8(len(\"8:16 0\")+1)");
    assertEquals("linear", cstr(b, s0 + 24));
    assertEquals("8:16 0", cstr(b, s0 + 40));
    int s1 = s0 + 48;
    assertEquals(100, b.getLong(s1));
    assertEquals(50, b.getLong(s1 + 8));
    assertEquals("multipath", cstr(b, s1 + 24));
    assertEquals("0 0 0 0", cstr(b, s1 + 40));
    assertEquals(DmIoctlCodec.targetsSize(t), 48 + 48);
  }

  @Test
  void messageAndRenamePayloads() {
    ByteBuffer b = DmIoctlCodec.request(1024, "m", null, 0).order(ByteOrder.LITTLE_ENDIAN);
    DmIoctlCodec.putMessage(b, 7, "fail_path 8:16");
    assertEquals(7, b.getLong(312));
    assertEquals("fail_path 8:16", cstr(b, 320));
    DmIoctlCodec.putDataString(b, "newname");
    assertEquals("newname", cstr(b, 312));
  }

  /** A DM_LIST_DEVICES reply laid out by hand as dm-ioctl.c list_devices() writes it. */
  @Test
  void nameListWithEventNrAndUuid() {
    ByteBuffer b = reply(1024, 47);
    int off = 312;
    // record 1: "mpatha" (name at +12, 7 bytes incl NUL -> 19 -> align 24), event/flags at +24, uuid at +32
    b.putLong(off, new DevT(253, 0).encode());
    put(b, off + 12, "mpatha");
    b.putInt(off + 24, 5).putInt(off + 28, DmAbi.DM_NAME_LIST_FLAG_HAS_UUID);
    put(b, off + 32, "mpath-3600a");            // 12 bytes -> record size align8(44) = 48
    b.putInt(off + 8, 48);
    off += 48;
    b.putLong(off, new DevT(253, 1).encode());
    put(b, off + 12, "x");                       // 14 -> 16; event at +16
    b.putInt(off + 16, 0).putInt(off + 20, 2);   // DOESNT_HAVE_UUID
    b.putInt(off + 8, 0);
    List<DmDevice> l = DmIoctlCodec.nameList(b);
    assertEquals(List.of(new DmDevice("mpatha", new DevT(253, 0), Optional.of("mpath-3600a"), 5),
        new DmDevice("x", new DevT(253, 1), Optional.empty(), 0)), l);
  }

  @Test
  void emptyNameList() {
    assertEquals(List.of(), DmIoctlCodec.nameList(reply(1024, 47)));
  }

  @Test
  void malformedNameListIsRejected() {
    ByteBuffer b = reply(1024, 47);
    b.putLong(312, new DevT(253, 0).encode());
    put(b, 324, "mpatha");
    b.putInt(320, 5000);   // next beyond data_size
    assertThrows(IllegalArgumentException.class, () -> DmIoctlCodec.nameList(b));
    ByteBuffer c = reply(400, 47);
    c.putLong(312, new DevT(253, 0).encode());
    for (int i = 324; i < 400; i++) {
      c.put(i, (byte) 'a');   // unterminated name
    }
    assertThrows(IllegalArgumentException.class, () -> DmIoctlCodec.nameList(c));
  }

  @Test
  void statusTargetsChainFromDataStart() {
    ByteBuffer b = reply(1024, 47);
    b.putInt(20, 2);
    b.putLong(312, 0).putLong(320, 10).putInt(332, 48);
    put(b, 336, "linear");
    put(b, 352, "8:1 0 ");
    b.putLong(360, 10).putLong(368, 20).putInt(380, 96);
    put(b, 384, "error");
    put(b, 400, "");
    assertEquals(List.of(new DmTarget(0, 10, "linear", "8:1 0"), new DmTarget(10, 20, "error", "")),
        DmIoctlCodec.targets(b));
  }

  @Test
  void depsAndVersions() {
    ByteBuffer b = reply(1024, 47);
    b.putInt(312, 2).putLong(320, new DevT(8, 16).encode()).putLong(328, new DevT(259, 300).encode());
    assertEquals(List.of(new DevT(8, 16), new DevT(259, 300)), DmIoctlCodec.deps(b));
    ByteBuffer v = reply(1024, 47);
    v.putInt(312, 32).putInt(316, 1).putInt(320, 15).putInt(324, 0);
    put(v, 328, "multipath");
    v.putInt(344, 0).putInt(348, 1).putInt(352, 4).putInt(356, 0);
    put(v, 360, "linear");
    assertEquals(List.of(new TargetVersion("multipath", 1, 15, 0), new TargetVersion("linear", 1, 4, 0)),
        DmIoctlCodec.versions(v));
  }

  @Test
  void devTHugeEncoding() {
    for (DevT d : List.of(new DevT(8, 16), new DevT(253, 0), new DevT(259, 65536), new DevT(4095, 1048575))) {
      assertEquals(d, DevT.decode(d.encode()));
    }
    assertEquals(0x0810L, new DevT(8, 16).encode());
    assertEquals(0x1000fd00L, new DevT(253, 65536).encode(), "new_encode_dev: minor high bits at 20");
  }

  static ByteBuffer reply(int size, int minor) {
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 4).putInt(4, minor).putInt(12, size).putInt(16, 312);
    return b;
  }

  static void put(ByteBuffer b, int off, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    b.put(off, bytes);
    b.put(off + bytes.length, (byte) 0);
  }

  static String cstr(ByteBuffer b, int off) {
    StringBuilder sb = new StringBuilder();
    for (int i = off; b.get(i) != 0; i++) {
      sb.append((char) b.get(i));
    }
    return sb.toString();
  }
}
