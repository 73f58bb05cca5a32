package io.jmultipath.daemon.maps;

import io.jmultipath.dmctl.DmInfo;
import io.jmultipath.dmctl.MultipathStatus;
import io.jmultipath.dmctl.MultipathTable;

import java.util.Optional;

/** A multipath map as the kernel has it: info, table (and its length) and status read back. */
public record KernelMap(String wwid, DmInfo info, long sizeSectors, Optional<MultipathTable> table,
                        Optional<MultipathStatus> status) {

    public String name() {
        return info.name();
    }
}
