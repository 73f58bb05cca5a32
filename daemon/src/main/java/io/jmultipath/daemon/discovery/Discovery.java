package io.jmultipath.daemon.discovery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Path discovery: every candidate block device under /sys/block (sd*, dasd*, nvme namespaces),
 * read and parsed; a device whose data is unusable is skipped with one warning naming it, and a
 * bad optional attribute is ignored with one warning (both in {@link Result#warnings()}, for the
 * caller to report once).
 * The result is ordered by sysfs path, like udev enumeration (so H:C:T:L order).
 */
public final class Discovery {

    /** Discovered paths (WWID not yet chosen: see {@link DiscoveredPath#resolveWwid}) and one warning per skipped device. */
    public record Result(List<DiscoveredPath> paths, List<String> warnings) {
        public Result {
            paths = List.copyOf(paths);
            warnings = List.copyOf(warnings);
        }
    }

    private final SysfsReader reader;

    public Discovery(SysfsReader reader) {
        this.reader = reader;
    }

    public Result discover() throws IOException {
        List<String> names = reader.blockDevices().stream().filter(PathInfoParser::isCandidate).sorted().toList();
        // sysfs reads are independent: parse devices in parallel, keep the result deterministic
        List<Result> results = names.parallelStream().map(n -> {
            List<String> warnings = new ArrayList<>();
            try {
                return new Result(List.of(discoverOne(n, warnings::add)), warnings);
            } catch (DiscoveryException e) {
                warnings.add(e.getMessage());
                return new Result(List.of(), warnings);
            }
        }).toList();
        List<DiscoveredPath> paths = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Result r : results) {
            paths.addAll(r.paths());
            warnings.addAll(r.warnings()); // reported once, by the caller
        }
        paths.sort(Comparator.comparing(DiscoveredPath::sysPath));
        return new Result(paths, warnings);
    }

    /** One device by kernel name, re-read for a fact such as its size (ignored attributes are not reported again). */
    public DiscoveredPath discoverOne(String name) throws DiscoveryException {
        return discoverOne(name, w -> { });
    }

    /**
     * One device by kernel name (e.g. for an "add" uevent); {@code warn} gets one line per bad
     * optional attribute that was ignored. Whatever the sysfs or udev data, the only failure is a
     * {@link DiscoveryException} naming the device.
     */
    public DiscoveredPath discoverOne(String name, Consumer<String> warn) throws DiscoveryException {
        RawBlockDevice raw;
        try {
            raw = reader.read(name);
        } catch (IOException | RuntimeException e) {
            throw new DiscoveryException(name + ": cannot read /sys/block/" + name + ": " + e.getMessage());
        }
        try {
            return PathInfoParser.parse(raw, warn);
        } catch (RuntimeException e) {
            // a decoder bug must cost this device only, not the whole discovery
            throw new DiscoveryException(name + ": unusable sysfs data in /sys/block/" + name + ": " + e);
        }
    }
}
