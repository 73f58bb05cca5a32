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

    /** Resolved sysfs path of /sys/block/NAME relative to /sys. */
    public String sysPath(String name) throws IOException {
        Path real = root.sysBlock().resolve(name).toRealPath();
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
        for (String a : name.startsWith("nvme") ? concat(BLOCK_ATTRS, NVME_BLOCK_ATTRS) : BLOCK_ATTRS) {
            text(blockDir.resolve(a)).ifPresent(v -> attrs.put(a, v));
        }
        Path device = blockDir.resolve("device");
        if (Files.isDirectory(device)) {
            for (String a : DEVICE_ATTRS) {
                text(device.resolve(a)).ifPresent(v -> attrs.put("device/" + a, v));
            }
            for (String a : DEVICE_BIN) {
                bytes(device.resolve(a)).ifPresent(v -> bin.put("device/" + a, v));
            }
        }
        readTransport(sysPath, attrs);
        List<String> holders = new ArrayList<>();
        Path hd = blockDir.resolve("holders");
        if (Files.isDirectory(hd)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(hd)) {
                for (Path p : ds) {
                    holders.add(p.getFileName().toString());
                }
            }
            holders.sort(null);
        }
        Optional<String> udev = Optional.empty();
        String dev = attrs.get("dev");
        if (dev != null) {
            udev = text(root.udevData().resolve("b" + dev.strip()));
        }
        return new RawBlockDevice(name, sysPath, attrs, bin, holders, udev);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
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
                text(here.resolve("iscsi_session").resolve(s).resolve("targetname"))
                        .ifPresent(v -> attrs.put("iscsi/targetname", v));
            } else if (fc && s.startsWith("target") && s.contains(":")) {
                Path fcDir = here.resolve("fc_transport").resolve(s);
                text(fcDir.resolve("node_name")).ifPresent(v -> attrs.put("fc/node_name", v));
                text(fcDir.resolve("port_name")).ifPresent(v -> attrs.put("fc/port_name", v));
            } else if (s.startsWith("end_device-")) {
                text(here.resolve("sas_device").resolve(s).resolve("sas_address"))
                        .ifPresent(v -> attrs.put("sas/sas_address", v));
            } else if (fc && HOST.matcher(s).matches()) {
                Path fcHost = root.resolve("/sys/class/fc_host").resolve(s);
                text(fcHost.resolve("node_name")).ifPresent(v -> attrs.put("fc_host/node_name", v));
                text(fcHost.resolve("port_name")).ifPresent(v -> attrs.put("fc_host/port_name", v));
            } else if (NVME_CTRL.matcher(s).matches()) {
                for (String a : List.of("transport", "model", "serial", "firmware_rev", "cntlid")) {
                    text(here.resolve(a)).ifPresent(v -> attrs.put("nvme/" + a, v));
                }
            }
        }
    }

    /** Text attribute, trailing newline removed; empty if missing or unreadable. */
    public static Optional<String> text(Path p) {
        try {
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            String s = Files.readString(p, StandardCharsets.ISO_8859_1);
            if (s.endsWith("\n")) {
                s = s.substring(0, s.length() - 1);
            }
            return Optional.of(s);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    public static Optional<byte[]> bytes(Path p) {
        try {
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(p));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
