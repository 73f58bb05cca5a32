package io.jmultipath.daemon.uevent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pure codec of netlink uevent datagrams. Kernel group: {@code ACTION@DEVPATH\0KEY=VALUE\0…}.
 * Udev group: {@code libudev\0}, big-endian magic 0xfeedcafe, then (host order) header_size,
 * properties_off, properties_len, two filter hashes and the tag bloom, then the KEY=VALUE block.
 * Any malformed input gives {@link UeventParseException}, never another exception.
 */
public final class UeventCodec {
    public static final int UDEV_MAGIC = 0xfeedcafe;
    static final byte[] LIBUDEV = "libudev\0".getBytes(StandardCharsets.US_ASCII);
    /** sizeof(struct udev_monitor_netlink_header). */
    public static final int UDEV_HEADER_SIZE = 40;
    /** Largest datagram we accept (the kernel's UEVENT_BUFFER_SIZE is 2048; udev adds properties). */
    public static final int MAX_DATAGRAM = 64 * 1024;

    private UeventCodec() {
    }

    public static Uevent parse(ByteBuffer datagram) throws UeventParseException {
        ByteBuffer b = datagram.slice();
        if (b.remaining() > MAX_DATAGRAM) {
            throw new UeventParseException("datagram too large: " + b.remaining() + " bytes");
        }
        byte[] data = new byte[b.remaining()];
        b.get(data);
        if (startsWith(data, LIBUDEV)) {
            return parseUdev(data);
        }
        return parseKernel(data);
    }

    static Uevent parseKernel(byte[] d) throws UeventParseException {
        int end = indexOf(d, 0);
        String head = string(d, 0, end < 0 ? d.length : end);
        int at = head.indexOf('@');
        if (at <= 0 || at == head.length() - 1) {
            throw new UeventParseException("kernel uevent: header is not ACTION@DEVPATH");
        }
        Map<String, String> env = properties(d, end < 0 ? d.length : end + 1, d.length);
        String action = env.getOrDefault("ACTION", head.substring(0, at));
        String devpath = env.getOrDefault("DEVPATH", head.substring(at + 1));
        if (action.isEmpty() || devpath.isEmpty()) {
            throw new UeventParseException("kernel uevent: empty ACTION or DEVPATH property");
        }
        return new Uevent(action, devpath, env, Uevent.Origin.KERNEL);
    }

    static Uevent parseUdev(byte[] d) throws UeventParseException {
        if (d.length < UDEV_HEADER_SIZE) {
            throw new UeventParseException("udev uevent: short header (" + d.length + " bytes)");
        }
        ByteBuffer be = ByteBuffer.wrap(d).order(ByteOrder.BIG_ENDIAN);
        int magic = be.getInt(8);
        if (magic != UDEV_MAGIC) {
            throw new UeventParseException(String.format("udev uevent: bad magic 0x%08x", magic));
        }
        ByteBuffer le = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
        long headerSize = Integer.toUnsignedLong(le.getInt(12));
        long off = Integer.toUnsignedLong(le.getInt(16));
        long len = Integer.toUnsignedLong(le.getInt(20));
        if (headerSize < 24 || off < headerSize || off > d.length || len > d.length - off) {
            throw new UeventParseException("udev uevent: properties outside the datagram (off " + off + ", len " + len + ")");
        }
        Map<String, String> env = properties(d, (int) off, (int) (off + len));
        String action = env.get("ACTION");
        String devpath = env.get("DEVPATH");
        if (action == null || action.isEmpty() || devpath == null || devpath.isEmpty()) {
            throw new UeventParseException("udev uevent: no ACTION or DEVPATH property");
        }
        return new Uevent(action, devpath, env, Uevent.Origin.UDEV);
    }

    private static Map<String, String> properties(byte[] d, int from, int to) {
        Map<String, String> env = new LinkedHashMap<>();
        int i = from;
        while (i < to) {
            int e = i;
            while (e < to && d[e] != 0) {
                e++;
            }
            String kv = string(d, i, e);
            int eq = kv.indexOf('=');
            if (eq > 0) {
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            i = e + 1;
        }
        return env;
    }

    /** Kernel-group encoding: ACTION@DEVPATH then the environment. */
    public static byte[] encodeKernel(Uevent u) {
        StringBuilder sb = new StringBuilder(u.action()).append('@').append(u.devpath()).append('\0');
        for (Map.Entry<String, String> e : u.env().entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\0');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Udev-group encoding (libudev monitor format, no filter hashes). */
    public static byte[] encodeUdev(Uevent u) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : u.env().entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\0');
        }
        byte[] props = sb.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(UDEV_HEADER_SIZE + props.length).order(ByteOrder.nativeOrder());
        b.put(LIBUDEV);
        b.order(ByteOrder.BIG_ENDIAN).putInt(UDEV_MAGIC).order(ByteOrder.nativeOrder());
        b.putInt(UDEV_HEADER_SIZE).putInt(UDEV_HEADER_SIZE).putInt(props.length);
        b.putInt(0).putInt(0).putInt(0).putInt(0);
        b.put(props);
        return b.array();
    }

    private static boolean startsWith(byte[] d, byte[] prefix) {
        if (d.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (d[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] d, int v) {
        for (int i = 0; i < d.length; i++) {
            if (d[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static String string(byte[] d, int from, int to) {
        return new String(d, from, to - from, StandardCharsets.UTF_8);
    }
}
