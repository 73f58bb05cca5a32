package io.jmultipath.checker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a checker or prioritizer may know about a path: its device node, dev_t, the sysfs
 * SCSI device directory ({@code /sys/block/sdX/device}) and the checker timeout.
 */
public record PathHandle(String devName, Path devNode, int major, int minor,
                         Path sysfsDevice, Duration timeout) {
    public PathHandle {
        Objects.requireNonNull(devName, "devName");
        Objects.requireNonNull(devNode, "devNode");
        Objects.requireNonNull(sysfsDevice, "sysfsDevice");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("checker timeout must be positive: " + timeout);
        }
    }

    /** "8:16" */
    public String devT() {
        return major + ":" + minor;
    }
}
