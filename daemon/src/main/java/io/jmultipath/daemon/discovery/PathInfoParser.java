package io.jmultipath.daemon.discovery;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure decoder: {@link RawBlockDevice} → {@link DiscoveredPath}. A bad essential value (dev, size,
 * vendor/model, H:C:T:L) becomes a {@link DiscoveryException}; a bad optional one is treated as
 * absent and reported through the {@code warn} callback (one line naming the device).
 */
public final class PathInfoParser {

    private static final Pattern DEV = Pattern.compile("(\\d+):(\\d+)");
    private static final Pattern PCI = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-9a-f]");
    private static final Pattern NVME_NS = Pattern.compile("nvme(\\d+)n(\\d+)");
    private static final Pattern CANDIDATE = Pattern.compile("(sd|dasd)[a-z]+");
    private static final Pattern HOST = Pattern.compile("host\\d+");
    /** Linux dev_t: 12-bit major, 20-bit minor. */
    private static final int MAX_MAJOR = (1 << 12) - 1;
    private static final int MAX_MINOR = (1 << 20) - 1;

    private PathInfoParser() {
    }

    /** True for kernel names jmultipath considers as paths at all (sd*, dasd*, nvme namespaces). */
    public static boolean isCandidate(String name) {
        return CANDIDATE.matcher(name).matches() || NVME_NS.matcher(name).matches();
    }

    /** @param warn receives one line per optional attribute that was ignored because its value is bad */
    public static DiscoveredPath parse(RawBlockDevice raw, Consumer<String> warn) throws DiscoveryException {
        String name = raw.name();
        raw.ignored().forEach(warn);
        String devText = required(raw, "dev").strip();
        Matcher m = DEV.matcher(devText);
        int major;
        int minor;
        try {
            if (!m.matches()) {
                throw new NumberFormatException();
            }
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
            if (major > MAX_MAJOR || minor > MAX_MINOR) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw bad(name, "dev", devText);
        }
        String sizeText = required(raw, "size").strip();
        long size;
        try {
            size = Long.parseLong(sizeText);
            if (size < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw bad(name, "size", sizeText);
        }
        boolean ro = raw.attr("ro").map(String::strip).map("1"::equals).orElse(false);
        Bus bus = Bus.fromDevName(name);
        Map<String, String> udev = raw.udevDb().map(UdevDb::properties).orElse(Map.of());
        switch (bus) {
            case SCSI:
                return scsi(raw, major, minor, size, ro, udev, warn);
            case NVME:
                return nvme(raw, major, minor, size, ro, udev);
            default:
                return new DiscoveredPath(name, major, minor, bus, bus == Bus.CCW ? Protocol.CCW : Protocol.UNDEF,
                        Optional.empty(), size, ro, bus == Bus.CCW ? "IBM" : "", "", "", Optional.empty(),
                        Optional.empty(), WwidSource.NONE, DiscoveredPath.Candidates.NONE,
                        DiscoveredPath.Transport.NONE, Alua.NONE, Optional.empty(), Optional.empty(),
                        raw.holders(), udev, raw.sysPath());
        }
    }

    private static DiscoveredPath scsi(RawBlockDevice raw, int major, int minor, long size, boolean ro,
                                       Map<String, String> udev, Consumer<String> warn) throws DiscoveryException {
        String name = raw.name();
        Optional<Hcil> hcil = Optional.empty();
        String[] seg = raw.sysPath().split("/");
        for (int i = seg.length - 1; i >= 0 && hcil.isEmpty(); i--) {
            hcil = Hcil.parse(seg[i]);
        }
        if (hcil.isEmpty()) {
            throw new DiscoveryException(name + ": no SCSI H:C:T:L in sysfs path /sys/" + raw.sysPath());
        }
        String vendor = required(raw, "device/vendor").strip();
        String product = required(raw, "device/model").strip();
        if (vendor.isEmpty() || product.isEmpty() || !printable(vendor) || !printable(product)) {
            throw new DiscoveryException(name + ": unusable vendor/model '" + vendor + "'/'" + product
                    + "' in /sys/block/" + name + "/device");
        }
        String rev = raw.attr("device/rev").map(String::strip).orElse("");
        Optional<Integer> timeout = raw.attr("device/timeout").map(String::strip).flatMap(t -> {
            try {
                int v = Integer.parseInt(t);
                if (v >= 0) {
                    return Optional.of(v);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            // sysfs_get_timeout fails: the checker timeout falls back to its default, the path stays
            warn.accept(name + ": ignoring invalid value '" + t + "' in /sys/block/" + name + "/device/timeout");
            return Optional.empty();
        });
        Optional<byte[]> pg83 = raw.bin("device/vpd_pg83");
        Optional<String> serial = raw.bin("device/vpd_pg80").flatMap(Vpd::serial);
        Alua alua = new Alua(raw.bin("device/inquiry").flatMap(Vpd::tpgs), pg83.flatMap(Vpd::targetPortGroup),
                raw.attr("device/access_state").map(String::strip).filter(s -> !s.isEmpty()),
                raw.attr("device/preferred_path").map(String::strip).map("1"::equals).orElse(false),
                raw.attr("device/dh_state").map(String::strip));
        DiscoveredPath.Candidates cand = new DiscoveredPath.Candidates(pg83.flatMap(Vpd::wwid),
                raw.attr("device/wwid").flatMap(Vpd::fromSysfsWwid));
        Protocol proto = Protocol.scsiFromSysfsPath(raw.sysPath());
        Optional<String> tgtNode;
        switch (proto) {
            case SCSI_ISCSI: tgtNode = raw.attr("iscsi/targetname"); break;
            case SCSI_FCP: tgtNode = raw.attr("fc/node_name"); break;
            case SCSI_SAS: tgtNode = raw.attr("sas/sas_address"); break;
            default: tgtNode = Optional.empty();
        }
        Optional<String> adapter = Optional.empty();
        for (int i = 0; i + 1 < seg.length; i++) {
            if (PCI.matcher(seg[i]).matches() && HOST.matcher(seg[i + 1]).matches()) {
                adapter = Optional.of(seg[i]);
            }
        }
        DiscoveredPath.Transport tr = new DiscoveredPath.Transport(tgtNode.map(String::strip),
                raw.attr("fc/port_name").map(String::strip), raw.attr("fc_host/node_name").map(String::strip),
                raw.attr("fc_host/port_name").map(String::strip), adapter);
        return new DiscoveredPath(name, major, minor, Bus.SCSI, proto, hcil, size, ro, vendor, product, rev,
                serial, Optional.empty(), WwidSource.NONE, cand, tr, alua,
                raw.attr("device/state").map(String::strip), timeout, raw.holders(), udev, raw.sysPath());
    }

    private static DiscoveredPath nvme(RawBlockDevice raw, int major, int minor, long size, boolean ro,
                                       Map<String, String> udev) throws DiscoveryException {
        Matcher m = NVME_NS.matcher(raw.name());
        if (!m.matches()) {
            throw new DiscoveryException(raw.name() + ": not an NVMe namespace name");
        }
        int cntlid = raw.attr("nvme/cntlid").map(String::strip).map(PathInfoParser::intOrZero).orElse(0);
        long nsid = raw.attr("nsid").map(String::strip).map(PathInfoParser::intOrZero).orElse(0);
        Hcil hcil;
        try {
            hcil = new Hcil(Integer.parseInt(m.group(1)), cntlid, Integer.parseInt(m.group(2)), nsid);
        } catch (NumberFormatException e) {
            throw new DiscoveryException(raw.name() + ": NVMe instance numbers out of range");
        }
        Optional<String> wwid = raw.attr("wwid").map(String::strip).filter(s -> !s.isEmpty());
        return new DiscoveredPath(raw.name(), major, minor, Bus.NVME,
                Protocol.nvme(raw.attr("nvme/transport").orElse(null)), Optional.of(hcil), size, ro, "NVME",
                raw.attr("nvme/model").map(String::strip).orElse(""),
                raw.attr("nvme/firmware_rev").map(String::strip).orElse(""),
                raw.attr("nvme/serial").map(String::strip), Optional.empty(), WwidSource.NONE,
                new DiscoveredPath.Candidates(Optional.empty(), wwid), DiscoveredPath.Transport.NONE, Alua.NONE,
                Optional.of("live"), Optional.empty(), raw.holders(), udev, raw.sysPath());
    }

    private static int intOrZero(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static String required(RawBlockDevice raw, String key) throws DiscoveryException {
        return raw.attr(key).orElseThrow(() -> new DiscoveryException(
                raw.name() + ": cannot read /sys/block/" + raw.name() + "/" + key));
    }

    private static DiscoveryException bad(String name, String key, String value) {
        return new DiscoveryException(name + ": invalid value '" + value + "' in /sys/block/" + name + "/" + key);
    }
}
