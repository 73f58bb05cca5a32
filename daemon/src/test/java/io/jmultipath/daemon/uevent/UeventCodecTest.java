package io.jmultipath.daemon.uevent;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UeventCodecTest {
    static final Uevent SDB = Uevent.of("add", "/devices/pci0000:00/0000:00:05.0/host2/target2:0:0/2:0:0:1/block/sdb",
            Map.of("SUBSYSTEM", "block", "DEVNAME", "sdb", "DEVTYPE", "disk", "SEQNUM", "4711", "MAJOR", "8", "MINOR", "16"),
            Uevent.Origin.SYNTHETIC);

    @Test
    void kernelDatagram() throws Exception {
        byte[] d = "add@/devices/virtual/block/loop0\0ACTION=add\0DEVPATH=/devices/virtual/block/loop0\0SUBSYSTEM=block\0MAJOR=7\0MINOR=0\0DEVNAME=loop0\0DEVTYPE=disk\0SEQNUM=2710\0"
                .getBytes(StandardCharsets.US_ASCII);
        Uevent u = UeventCodec.parse(ByteBuffer.wrap(d));
        assertEquals("add", u.action());
        assertEquals("/devices/virtual/block/loop0", u.devpath());
        assertEquals("loop0", u.kernel());
        assertEquals("7:0", u.devt().orElseThrow());
        assertEquals(2710L, u.seqnum().orElseThrow());
        assertEquals(Uevent.Origin.KERNEL, u.origin());
        assertTrue(UeventFilter.relevant(u));
    }

    @Test
    void roundTrips() throws Exception {
        Uevent k = UeventCodec.parse(ByteBuffer.wrap(UeventCodec.encodeKernel(SDB)));
        assertEquals(SDB.env(), k.env());
        Uevent u = UeventCodec.parse(ByteBuffer.wrap(UeventCodec.encodeUdev(SDB)));
        assertEquals(SDB.env(), u.env());
        assertEquals(Uevent.Origin.UDEV, u.origin());
        assertEquals("sdb", u.kernel());
    }

    @Test
    void badUdevHeaders() {
        byte[] good = UeventCodec.encodeUdev(SDB);
        byte[] magic = good.clone();
        magic[8] = 0x12;
        assertTrue(assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.wrap(magic)))
                .getMessage().contains("bad magic"));
        byte[] off = good.clone();
        ByteBuffer.wrap(off).order(java.nio.ByteOrder.nativeOrder()).putInt(20, 1 << 20);
        assertTrue(assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.wrap(off)))
                .getMessage().contains("outside"));
        assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.wrap("libudev\0".getBytes())));
        assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.wrap("no header here".getBytes())));
        assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.allocate(0)));
    }

    @Test
    void partitionsAndOtherSubsystemsAreFilteredOut() {
        assertFalse(UeventFilter.relevant(Uevent.of("add", "/devices/x/block/sdb/sdb1",
                Map.of("SUBSYSTEM", "block", "DEVTYPE", "partition"), Uevent.Origin.SYNTHETIC)));
        assertFalse(UeventFilter.relevant(Uevent.of("add", "/devices/x/net/eth0",
                Map.of("SUBSYSTEM", "net"), Uevent.Origin.SYNTHETIC)));
        assertTrue(UeventFilter.relevant(SDB));
    }

    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> 0x5eed0000L + i);
    }

    /** Random and mutated datagrams: parse succeeds or fails with UeventParseException, nothing else. */
    @ParameterizedTest
    @MethodSource("seeds")
    void fuzz(long seed) {
        Random r = new Random(seed);
        byte[][] seedsData = {UeventCodec.encodeKernel(SDB), UeventCodec.encodeUdev(SDB)};
        IntStream.range(0, 500).forEach(i -> {
            byte[] d;
            switch (r.nextInt(4)) {
                case 0 -> {
                    d = new byte[r.nextInt(200)];
                    r.nextBytes(d);
                }
                case 1 -> {
                    d = seedsData[r.nextInt(2)].clone();
                    int flips = 1 + r.nextInt(8);
                    for (int f = 0; f < flips; f++) {
                        d[r.nextInt(d.length)] = (byte) r.nextInt(256);
                    }
                }
                case 2 -> {
                    byte[] s = seedsData[r.nextInt(2)];
                    d = java.util.Arrays.copyOf(s, r.nextInt(s.length + 1));
                }
                default -> {
                    d = seedsData[1].clone();
                    ByteBuffer.wrap(d).order(java.nio.ByteOrder.nativeOrder()).putInt(12 + 4 * r.nextInt(3), r.nextInt());
                }
            }
            try {
                Uevent u = UeventCodec.parse(ByteBuffer.wrap(d));
                assertNotNull(u.action());
                assertNotNull(u.kernel());
                UeventFilter.relevant(u);
            } catch (UeventParseException expected) {
                assertNotNull(expected.getMessage());
            }
        });
    }
}
