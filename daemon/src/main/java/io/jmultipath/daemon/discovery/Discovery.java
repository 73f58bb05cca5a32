package io.jmultipath.daemon.discovery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Path discovery: every candidate block device under /sys/block (sd*, dasd*, nvme namespaces),
 * read and parsed; a device whose data is unusable is skipped with one warning naming it (in
 * {@link Result#warnings()}, for the caller to report once).
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
        List<Object> results = names.parallelStream().map(n -> {
            try {
                return (Object) discoverOne(n);
            } catch (DiscoveryException e) {
                return e.getMessage();
            }
        }).toList();
        List<DiscoveredPath> paths = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Object o : results) {
            if (o instanceof DiscoveredPath) {
                paths.add((DiscoveredPath) o);
            } else {
                warnings.add((String) o); // reported once, by the caller
            }
        }
        paths.sort(Comparator.comparing(DiscoveredPath::sysPath));
        return new Result(paths, warnings);
    }

    /** One device by kernel name (e.g. for an "add" uevent). */
    public DiscoveredPath discoverOne(String name) throws DiscoveryException {
        RawBlockDevice raw;
        try {
            raw = reader.read(name);
        } catch (IOException e) {
            throw new DiscoveryException(name + ": cannot read /sys/block/" + name + ": " + e.getMessage());
        }
        return PathInfoParser.parse(raw);
    }
}
