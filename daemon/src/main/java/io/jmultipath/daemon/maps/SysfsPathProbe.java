package io.jmultipath.daemon.maps;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.discovery.DiscoveredPath;

import java.util.Optional;

/**
 * A probe that does no device I/O: state from the sysfs device state and ALUA access state,
 * priority for const / sysfs (and alua, from the sysfs access state). Used for simulated trees
 * and as the fallback when a device node is not a real block device.
 */
public final class SysfsPathProbe implements PathProbe {

    @Override
    public CheckState check(DiscoveredPath p, String checker) {
        String s = p.sysfsState().orElse("running");
        if (s.startsWith("blocked") || s.startsWith("quiesce")) {
            return CheckState.PENDING;
        }
        if (!(s.startsWith("running") || s.equals("live"))) {
            return CheckState.DOWN;
        }
        Optional<String> access = p.alua().accessState();
        if (access.isPresent()) {
            String a = access.get();
            if (a.equals("standby")) {
                return CheckState.GHOST;
            }
            if (a.equals("unavailable") || a.equals("offline")) {
                return CheckState.DOWN;
            }
            if (a.equals("transitioning")) {
                return CheckState.PENDING;
            }
        }
        return CheckState.UP;
    }

    @Override
    public int priority(DiscoveredPath p, String prio, String args) {
        switch (prio) {
            case "const":
                return 1;
            case "sysfs":
            case "alua":
                return p.alua().accessState().map(a -> io.jmultipath.checker.prio.SysfsPrioritizer.priority(a,
                        p.alua().preferred(), args != null && args.contains("exclusive_pref_bit"))).orElse(-1);
            default:
                return -1;
        }
    }

    /**
     * scsi_dh_alua access state → multipath sysfs priority (50/10/5/1/0, +80 preferred unless
     * already optimized): the checker module's sysfs prioritizer rule.
     */
    public static int aluaPriority(String accessState, boolean preferred) {
        return io.jmultipath.checker.prio.SysfsPrioritizer.priority(accessState, preferred, false);
    }
}
