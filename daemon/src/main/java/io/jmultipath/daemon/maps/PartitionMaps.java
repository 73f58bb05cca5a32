package io.jmultipath.daemon.maps;

import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.DmInfo;
import io.jmultipath.dmctl.DmTarget;
import io.jmultipath.dmctl.UdevFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kpartx's partition maps of a device-mapper device: uuid {@code partN-<parent uuid>} and one
 * linear target on the parent's dev_t. As in multipath-tools, they are counted out of the
 * parent's open count (partmap_in_use: a map held only by its unused partitions is not in use)
 * and removed before it (dm_remove_partmaps), partitions of partitions first.
 */
public final class PartitionMaps {
    private PartitionMaps() {
    }

    /** do_foreach_partmaps: the partition maps of {@code name}. */
    public static List<DmDevice> of(DeviceMapper dm, String name) throws DmException {
        Optional<DmInfo> info = dm.info(name);
        if (info.isEmpty() || info.get().uuid().isEmpty()) {
            return List.of();
        }
        String uuid = info.get().uuid().get();
        String dev = text(info.get().dev());
        List<DmDevice> out = new ArrayList<>();
        for (DmDevice d : dm.list()) {
            if (d.name().equals(name) || d.uuid().isEmpty() || !isPartOf(d.uuid().get(), uuid)) {
                continue;
            }
            List<DmTarget> t = dm.table(d.name());
            if (t.size() == 1 && t.get(0).type().equals("linear")
                    && t.get(0).params().strip().split("\\s+")[0].equals(dev)) {
                out.add(d);
            }
        }
        return out;
    }

    /** is_mpath_part: "part" + digits + "-" + the parent's uuid. */
    static boolean isPartOf(String partUuid, String parentUuid) {
        if (!partUuid.startsWith("part")) {
            return false;
        }
        int dash = partUuid.indexOf('-');
        return dash > 4 && partUuid.substring(4, dash).chars().allMatch(Character::isDigit)
                && partUuid.substring(dash + 1).equals(parentUuid);
    }

    /**
     * partmap_in_use: the device that keeps {@code name} busy — itself when something besides its
     * partitions holds it open, or a partition in use — if any.
     */
    public static Optional<String> inUse(DeviceMapper dm, String name) throws DmException {
        Optional<DmInfo> info = dm.info(name);
        if (info.isEmpty() || info.get().openCount() == 0) {
            return Optional.empty();
        }
        List<DmDevice> parts = of(dm, name);
        for (DmDevice p : parts) {
            Optional<String> busy = inUse(dm, p.name());
            if (busy.isPresent()) {
                return busy;
            }
        }
        return info.get().openCount() != parts.size() ? Optional.of(name) : Optional.empty();
    }

    /** dm_remove_partmaps, then the device itself. */
    public static void removeWithPartitions(DeviceMapper dm, String name, UdevFlags flags) throws DmException {
        for (DmDevice p : of(dm, name)) {
            removeWithPartitions(dm, p.name(), flags);
        }
        dm.remove(name, false, flags);
    }

    private static String text(DevT d) {
        return d.major() + ":" + d.minor();
    }
}
