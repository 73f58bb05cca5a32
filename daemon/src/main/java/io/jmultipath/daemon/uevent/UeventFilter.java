package io.jmultipath.daemon.uevent;

/** Which events the daemon looks at: whole block disks (paths and dm maps), not partitions. */
public final class UeventFilter {
    private UeventFilter() {
    }

    public static boolean relevant(Uevent u) {
        if (!"block".equals(u.subsystem().orElse(""))) {
            return false;
        }
        String t = u.devtype().orElse("disk");
        if (!"disk".equals(t)) {
            return false;
        }
        return safeKernelName(u.kernel());
    }

    /**
     * A name that stays one entry of /sys/block and /dev: not empty, no '/', no ".." (multipathd
     * rejects ".." in uev_add_path; libudev turns '/' into '!').
     */
    public static boolean safeKernelName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.contains("..") && !name.contains("/");
    }
}
