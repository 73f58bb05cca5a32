package io.jmultipath.daemon.uevent;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed netlink datagrams: the codec returns a usable Uevent or throws UeventParseException, nothing else. */
class UeventCodecFuzzTest {
    private static final long SEED = 0x75657665L;

    @Test
    void randomMutationsOfValidDatagrams() {
        Random rnd = new Random(SEED);
        List<byte[]> seeds = List.of(UeventCodec.encodeKernel(UeventCodecTest.SDB), UeventCodec.encodeUdev(UeventCodecTest.SDB));
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] d = mutate(seeds.get(i % 2).clone(), rnd);
            try {
                Uevent u = UeventCodec.parse(ByteBuffer.wrap(d));
                assertFalse(u.action().isEmpty(), "empty action");
                assertFalse(u.devpath().isEmpty(), "empty devpath");
                u.kernel();
                u.seqnum();
                UeventFilter.relevant(u);
                parsed++;
            } catch (UeventParseException expected) {
                assertNotNull(expected.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("datagram " + i + " threw", e);
            }
        }
        assertTrue(parsed > 1000, "mutations still parse sometimes: " + parsed);
    }

    private static byte[] mutate(byte[] d, Random rnd) {
        switch (rnd.nextInt(5)) {
            case 0 -> { // truncate
                return java.util.Arrays.copyOf(d, rnd.nextInt(d.length + 1));
            }
            case 1 -> { // flip bytes, often in the udev header
                for (int k = rnd.nextInt(4); k >= 0; k--) {
                    int at = rnd.nextBoolean() ? rnd.nextInt(Math.min(d.length, 48)) : rnd.nextInt(d.length);
                    d[at] = (byte) rnd.nextInt(256);
                }
                return d;
            }
            case 2 -> { // header fields pointing anywhere
                if (d.length >= UeventCodec.UDEV_HEADER_SIZE) {
                    ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).putInt(12 + 4 * rnd.nextInt(3), rnd.nextInt());
                }
                return d;
            }
            case 3 -> { // NULs and '=' swapped
                for (int k = 0; k < d.length; k++) {
                    if ((d[k] == 0 || d[k] == '=') && rnd.nextInt(4) == 0) {
                        d[k] = (byte) (d[k] == 0 ? '=' : 0);
                    }
                }
                return d;
            }
            default -> { // garbage appended
                byte[] tail = new byte[rnd.nextInt(300)];
                rnd.nextBytes(tail);
                byte[] out = java.util.Arrays.copyOf(d, d.length + tail.length);
                System.arraycopy(tail, 0, out, d.length, tail.length);
                return out;
            }
        }
    }

    @Test
    void targetedMalformedDatagrams() throws UeventParseException {
        byte[] udev = UeventCodec.encodeUdev(UeventCodecTest.SDB);
        ByteBuffer.wrap(udev).order(ByteOrder.nativeOrder()).putInt(16, Integer.MAX_VALUE); // properties_off outside
        assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.wrap(udev)));
        byte[] udev2 = UeventCodec.encodeUdev(UeventCodecTest.SDB);
        ByteBuffer.wrap(udev2).order(ByteOrder.nativeOrder()).putInt(20, -1); // properties_len 4 GiB
        assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.wrap(udev2)));
        assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.wrap(java.util.Arrays.copyOf(udev, 20))));
        assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.allocate(0)));
        assertThrows(UeventParseException.class, () -> UeventCodec.parse(ByteBuffer.allocate(UeventCodec.MAX_DATAGRAM + 1)));
        assertThrows(UeventParseException.class, () -> kernel("add@/devices/x\0ACTION=\0"), "empty ACTION");
        assertThrows(UeventParseException.class, () -> kernel("add@/devices/x\0DEVPATH=\0"), "empty DEVPATH");
        assertThrows(UeventParseException.class, () -> kernel("@/devices/x\0"));
        assertThrows(UeventParseException.class, () -> kernel("add@\0"));
        Uevent u = kernel("add@/devices/x/block/sdb\0NOEQUALS\0=novalue\0MAJOR=zz\0MINOR=-1\0SUBSYSTEM=block\0\0\0");
        assertEquals(Map.of("MAJOR", "zz", "MINOR", "-1", "SUBSYSTEM", "block"), u.env(), "keys without '=' are skipped");
        Uevent bad = UeventCodec.parse(ByteBuffer.wrap(new byte[] {'a', 'd', 'd', '@', '/', (byte) 0xff, (byte) 0xc3, 0}));
        assertEquals("add", bad.action());
    }

    @Test
    void pathTraversalNamesAreNotRelevant() throws UeventParseException {
        for (String devname : List.of("/dev/../../etc", "../../etc/passwd", "sdb/../../x", "..", ".", "/dev/.")) {
            Uevent u = kernel("add@/devices/x/block/sdb\0SUBSYSTEM=block\0DEVTYPE=disk\0DEVNAME=" + devname + "\0");
            assertFalse(UeventFilter.relevant(u), devname);
        }
        assertFalse(UeventFilter.relevant(kernel("add@/devices/x/block/\0SUBSYSTEM=block\0")), "empty kernel name");
        assertFalse(UeventFilter.relevant(kernel("add@/devices/x\0SUBSYSTEM=block\0DEVPATH=/devices/..\0")));
        assertTrue(UeventFilter.relevant(kernel("add@/devices/x/block/sdb\0SUBSYSTEM=block\0DEVNAME=sdb\0")));
    }

    private static Uevent kernel(String s) throws UeventParseException {
        return UeventCodec.parse(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }
}
