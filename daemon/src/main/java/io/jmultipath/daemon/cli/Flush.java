package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.maps.KernelMap;
import io.jmultipath.daemon.maps.KernelMaps;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DmException;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code jmultipath -f MAP} / {@code -F}: remove unused multipath maps (never other dm devices). */
final class Flush {

    private Flush() {
    }

    static int run(DeviceMapper dm, MultipathArgs a, PrintStream out, PrintStream err) {
        KernelMaps kernel = KernelMaps.read(dm);
        List<KernelMap> targets;
        if (a.flushAll()) {
            targets = kernel.maps();
        } else {
            if (a.device().isEmpty()) {
                err.println("jmultipath: -f needs a map name");
                return 1;
            }
            String d = a.device().get();
            String n = d.startsWith("/dev/mapper/") ? d.substring(12) : d.startsWith("/dev/") ? d.substring(5) : d;
            Optional<KernelMap> m = kernel.maps().stream().filter(k -> k.name().equals(n) || k.wwid().equals(n)
                    || ("dm-" + k.info().dev().minor()).equals(n)).findFirst();
            if (m.isEmpty()) {
                err.println("'" + d + "' is not a valid argument");
                return 1;
            }
            targets = List.of(m.get());
        }
        int rc = 0;
        for (KernelMap k : targets) {
            if (k.info().openCount() > 0) {
                err.println(k.name() + ": map in use");
                rc = 1;
                continue;
            }
            try {
                dm.remove(k.name(), false, io.jmultipath.dmctl.MpathUdevFlags.remove());
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
