package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.maps.KernelMap;
import io.jmultipath.daemon.maps.KernelMaps;
import io.jmultipath.daemon.maps.PartitionMaps;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DmException;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code jmultipath -f MAP} / {@code -F}: remove unused multipath maps with their unused kpartx
 * partition maps (never other dm devices).
 */
final class Flush {

    private Flush() {
    }

    static int run(DeviceMapper dm, MultipathArgs a, Optional<DevArg> dev, PrintStream out, PrintStream err) {
        KernelMaps kernel = KernelMaps.read(dm);
        List<KernelMap> targets;
        if (a.flushAll()) {
            targets = kernel.maps();
        } else {
            String n = dev.map(DevArg::name).orElse("");
            Optional<KernelMap> m = kernel.maps().stream().filter(k -> k.name().equals(n)
                    || ("dm-" + k.info().dev().minor()).equals(n)).findFirst();
            if (m.isEmpty()) {
                err.println(n + " is not a multipath device");
                return 1;
            }
            targets = List.of(m.get());
        }
        int rc = 0;
        for (KernelMap k : targets) {
            try {
                // held open only by its own unused kpartx partitions is not in use: they go with it
                Optional<String> busy = PartitionMaps.inUse(dm, k.name());
                if (busy.isPresent()) {
                    err.println(busy.get() + ": map in use");
                    rc = 1;
                    continue;
                }
                PartitionMaps.removeWithPartitions(dm, k.name(), io.jmultipath.dmctl.MpathUdevFlags.remove());
                if (a.verbosity() >= 3) {
                    out.println(k.name() + ": flushed");
                }
            } catch (DmException e) {
                err.println(k.name() + ": " + e.getMessage());
                rc = 1;
            }
        }
        return rc;
    }
}
