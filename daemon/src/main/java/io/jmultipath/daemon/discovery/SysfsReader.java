package io.jmultipath.daemon.discovery;

import io.jmultipath.daemon.host.HostRoot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Thin I/O: reads the sysfs attributes and udev database entry of block devices below a {@link HostRoot}. */
public final class SysfsReader {

    static final List<String> BLOCK_ATTRS = List.of("dev", "size", "ro");
    static final List<String> NVME_BLOCK_ATTRS = List.of("wwid", "nsid");
    static final List<String> DEVICE_ATTRS = List.of("vendor", "model", "rev", "state", "timeout",
            "wwid", "access_state", "preferred_path", "dh_state");
    static final List<String> DEVICE_BIN = List.of("vpd_pg83", "vpd_pg80", "inquiry");

    private static final java.util.regex.Pattern SESSION = java.util.regex.Pattern.compile("session\\d+");
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("host\\d+");
    private static final java.util.regex.Pattern NVME_CTRL = java.util.regex.Pattern.compile("nvme\\d+");

    private final HostRoot root;
    private volatile Path sysReal;
    /** Transport attributes (session target name, FC/SAS/NVMe controller) are shared by many paths. */
    private final java.util.concurrent.ConcurrentHashMap<Path, Optional<String>> shared =
            new java.util.concurrent.ConcurrentHashMap<>();

    public SysfsReader(HostRoot root) {
        this.root = root;
    }

    private Path sysReal() throws IOException {
        Path r = sysReal;
        if (r == null) {
            r = root.sys().toRealPath();
            sysReal = r;
        }
        return r;
    }

    public HostRoot root() {
        return root;
    }

    /** Names under /sys/block (unsorted). */
    public List<String> blockDevices() throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = root.sysBlock();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                out.add(p.getFileName().toString());
            }
        }
        return out;
    }

    /**
     * Resolved sysfs path of /sys/block/NAME relative to /sys. The entry is a symlink into
     * /sys/devices (one readlink, no component-by-component realpath); a directory or an absolute
     * link target is resolved the slow way.
     */
    public String sysPath(String name) throws IOException {
        Path link = root.sysBlock().resolve(name);
        Path sys = root.sys();
        try {
            Path target = Files.readSymbolicLink(link);
            if (!target.isAbsolute()) {
                Path resolved = link.getParent().resolve(target).normalize();
                if (resolved.startsWith(sys) && !resolved.equals(sys)) {
                    return sys.relativize(resolved).toString();
                }
            }
        } catch (java.nio.file.NotLinkException | UnsupportedOperationException e) {
            // a plain directory: resolve below
        }
        Path real;
        try {
            real = link.toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("/sys/block/" + name + " is a dangling link");
        }
        Path sysReal = sysReal();
        if (!real.startsWith(sysReal)) {
            throw new IOException("/sys/block/" + name + " points outside /sys");
        }
        return sysReal.relativize(real).toString();
    }

    /** Reads one block device; attributes that do not exist are simply absent. */
    public RawBlockDevice read(String name) throws IOException {
        String sysPath = sysPath(name);
        Path blockDir = root.sys().resolve(sysPath);
        Map<String, String> attrs = new HashMap<>();
        Map<String, byte[]> bin = new HashMap<>();
        // attributes are opened relative to their directory (openat): no path walk per attribute
        try (DirAttrs block = DirAttrs.open(blockDir)) {
            if (!block.exists()) {
                throw new IOException("/sys/block/" + name + " does not lead to a device directory (/sys/" + sysPath + ")");
            }
            for (String a : name.startsWith("nvme") ? concat(BLOCK_ATTRS, NVME_BLOCK_ATTRS) : BLOCK_ATTRS) {
                block.text(a).ifPresent(v -> attrs.put(a, v));
            }
        }
        try (DirAttrs device = DirAttrs.open(blockDir.resolve("device"))) {
            if (device.exists()) {
                for (String a : DEVICE_ATTRS) {
                    device.text(a).ifPresent(v -> attrs.put("device/" + a, v));
                }
                for (String a : DEVICE_BIN) {
                    device.bytes(a).ifPresent(v -> bin.put("device/" + a, v));
                }
            }
        }
        readTransport(sysPath, attrs);
        List<String> holders = new ArrayList<>();
        Path hd = blockDir.resolve("holders");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(hd)) {
            for (Path p : ds) {
                holders.add(p.getFileName().toString());
            }
            holders.sort(null);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            // no holders directory
        }
        Optional<String> udev = Optional.empty();
        List<String> ignored = new ArrayList<>();
        String dev = attrs.get("dev");
        if (dev != null) {
            Path db = root.udevData().resolve("b" + dev.strip());
            udev = text(db);
            if (udev.isEmpty() && Files.isRegularFile(db)) {
                ignored.add(name + ": ignoring /run/udev/data/" + db.getFileName() + ": unreadable or larger than "
                        + (MAX_FILE >> 20) + " MiB");
            }
        }
        return new RawBlockDevice(name, sysPath, attrs, bin, holders, udev, ignored);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private Optional<String> sharedText(Path p) {
        return shared.computeIfAbsent(p, SysfsReader::text);
    }

    private void readTransport(String sysPath, Map<String, String> attrs) {
        String[] seg = sysPath.split("/");
        boolean fc = sysPath.contains("/rport-");
        Path sys = root.sys();
        StringBuilder prefix = new StringBuilder();
        for (String s : seg) {
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(s);
            Path here = sys.resolve(prefix.toString());
            if (SESSION.matcher(s).matches()) {
                sharedText(here.resolve("iscsi_session").resolve(s).resolve("targetname"))
                        .ifPresent(v -> attrs.put("iscsi/targetname", v));
            } else if (fc && s.startsWith("target") && s.contains(":")) {
                Path fcDir = here.resolve("fc_transport").resolve(s);
                sharedText(fcDir.resolve("node_name")).ifPresent(v -> attrs.put("fc/node_name", v));
                sharedText(fcDir.resolve("port_name")).ifPresent(v -> attrs.put("fc/port_name", v));
            } else if (s.startsWith("end_device-")) {
                sharedText(here.resolve("sas_device").resolve(s).resolve("sas_address"))
                        .ifPresent(v -> attrs.put("sas/sas_address", v));
            } else if (fc && HOST.matcher(s).matches()) {
                Path fcHost = root.resolve("/sys/class/fc_host").resolve(s);
                sharedText(fcHost.resolve("node_name")).ifPresent(v -> attrs.put("fc_host/node_name", v));
                sharedText(fcHost.resolve("port_name")).ifPresent(v -> attrs.put("fc_host/port_name", v));
            } else if (NVME_CTRL.matcher(s).matches()) {
                for (String a : List.of("transport", "model", "serial", "firmware_rev", "cntlid")) {
                    sharedText(here.resolve(a)).ifPresent(v -> attrs.put("nvme/" + a, v));
                }
            }
        }
    }

    /**
     * Largest file read (sysfs attributes are at most a page, VPD pages 64 KiB, udev database
     * entries a few KiB): anything bigger is not what it claims to be and counts as unreadable.
     */
    static final int MAX_FILE = 1 << 20;

    /** Text attribute, trailing newline removed; empty if missing, unreadable or too large. */
    public static Optional<String> text(Path p) {
        return bytes(p).map(SysfsReader::decode);
    }

    /**
     * Binary attribute; empty if missing, unreadable, too large or not a regular file. One open + read(s) +
     * close: no stat, no size probe (sysfs reports a size of 4096 for every attribute anyway).
     */
    public static Optional<byte[]> bytes(Path p) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p,
                java.nio.file.StandardOpenOption.READ)) {
            return Optional.of(readAll(ch));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** A sysfs directory whose attributes are read relative to it (SecureDirectoryStream → openat). */
    private static final class DirAttrs implements AutoCloseable {
        private final Path dir;
        private final java.nio.file.SecureDirectoryStream<Path> sds;
        private final boolean exists;

        private DirAttrs(Path dir, java.nio.file.SecureDirectoryStream<Path> sds, boolean exists) {
            this.dir = dir;
            this.sds = sds;
            this.exists = exists;
        }

        static DirAttrs open(Path dir) {
            try {
                DirectoryStream<Path> ds = Files.newDirectoryStream(dir);
                if (ds instanceof java.nio.file.SecureDirectoryStream) {
                    return new DirAttrs(dir, (java.nio.file.SecureDirectoryStream<Path>) ds, true);
                }
                ds.close();
                return new DirAttrs(dir, null, true);
            } catch (IOException | SecurityException e) {
                return new DirAttrs(dir, null, false);
            }
        }

        boolean exists() {
            return exists;
        }

        Optional<byte[]> bytes(String name) {
            if (!exists) {
                return Optional.empty();
            }
            if (sds == null) {
                return SysfsReader.bytes(dir.resolve(name));
            }
            try (java.nio.channels.SeekableByteChannel ch = sds.newByteChannel(Path.of(name),
                    java.util.Set.of(java.nio.file.StandardOpenOption.READ))) {
                return Optional.of(readAll(ch));
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }

        Optional<String> text(String name) {
            return bytes(name).map(SysfsReader::decode);
        }

        @Override
        public void close() {
            if (sds != null) {
                try {
                    sds.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    static String decode(byte[] b) {
        int n = b.length > 0 && b[b.length - 1] == '\n' ? b.length - 1 : b.length;
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Reads a channel to its end (sysfs attributes are small: one read); more than {@link #MAX_FILE} bytes is an error. */
    static byte[] readAll(java.nio.channels.ReadableByteChannel ch) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4096);
        java.io.ByteArrayOutputStream more = null;
        while (true) {
            int want = buf.remaining();
            int n = ch.read(buf);
            if (n < 0) {
                break;
            }
            if (n < want && more == null) {
                break; // a short read is the end for sysfs attributes and local files: saves the EOF read
            }
            if (!buf.hasRemaining()) {
                if (more == null) {
                    more = new java.io.ByteArrayOutputStream();
                } else if (more.size() >= MAX_FILE) {
                    throw new IOException("larger than " + MAX_FILE + " bytes");
                }
                more.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
        if (more == null) {
            return java.util.Arrays.copyOf(buf.array(), buf.position());
        }
        more.write(buf.array(), 0, buf.position());
        return more.toByteArray();
    }
}
