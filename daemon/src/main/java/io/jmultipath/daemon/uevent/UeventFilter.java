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
        // multipathd rejects kernel names with ".." (uev_add_path)
        return !u.kernel().contains("..") && !u.kernel().contains("/");
    }
}
