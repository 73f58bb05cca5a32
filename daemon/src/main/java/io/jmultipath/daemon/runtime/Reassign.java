package io.jmultipath.daemon.runtime;

import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.dmctl.DevT;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.DmInfo;
import io.jmultipath.dmctl.DmTarget;
import io.jmultipath.dmctl.MpathUdevFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * dm_reassign ("reset map"): device-mapper tables that still point at one of the map's path
 * devices (an LVM volume activated on sdb before multipath took it, say) are reloaded to point at
 * the multipath device instead. The holders come from {@code /sys/dev/block/M:m/holders}; only
 * non-multipath targets are rewritten, device by device as whole words.
 */
final class Reassign {
    private final DeviceMapper dm;
    private final HostRoot root;

    Reassign(DeviceMapper dm, HostRoot root) {
        this.dm = dm;
        this.root = root;
    }

    /** The names of the devices that were reloaded. */
    List<String> run(String map) throws DmException {
        Optional<DmInfo> info = dm.info(map);
        if (info.isEmpty()) {
            return List.of();
        }
        DevT mapDev = info.get().dev();
        List<DmDevice> all = dm.list();
        List<String> reloaded = new ArrayList<>();
        for (DevT dep : dm.deps(map)) {
            for (DmDevice holder : holders(dep, all)) {
                if (!holder.dev().equals(mapDev) && reassign(holder.name(), text(dep), text(mapDev))) {
                    reloaded.add(holder.name());
                }
            }
        }
        return reloaded;
    }

    /** dm devices listed in the path's holders directory ("dm-3"). */
    private List<DmDevice> holders(DevT dep, List<DmDevice> all) {
        Path dir = root.resolve("/sys/dev/block/" + text(dep) + "/holders");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dm-")).sorted().toList();
        } catch (IOException e) {
            Engine.LOG.debug("{}: {}", dir, e.getMessage());
            return List.of();
        }
        List<DmDevice> out = new ArrayList<>();
        for (String n : names) {
            all.stream().filter(d -> ("dm-" + d.dev().minor()).equals(n)).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /** dm_reassign_table: reload with {@code old} replaced by {@code now} in every non-multipath target. */
    private boolean reassign(String name, String old, String now) throws DmException {
        List<DmTarget> table = dm.table(name);
        List<DmTarget> next = new ArrayList<>();
        boolean modified = false;
        for (DmTarget t : table) {
            String params = t.params();
            if (!t.type().equals("multipath") && words(params).contains(old)) {
                Engine.LOG.debug("{}: replace target {} {}", name, t.type(), params);
                params = replaceWord(params, old, now);
                Engine.LOG.debug("{}: with target {} {}", name, t.type(), params);
                modified = true;
            }
            next.add(new DmTarget(t.start(), t.length(), t.type(), params));
        }
        if (!modified) {
            return false;
        }
        try {
            dm.load(name, next);
            dm.resume(name, io.jmultipath.dmctl.UdevFlags.of(MpathUdevFlags.RELOAD));
            Engine.LOG.info("{}: reassigned {} to {}", name, old, now);
            return true;
        } catch (DmException e) {
            Engine.LOG.warn("{}: failed to reassign targets: {}", name, e.getMessage());
            return false;
        }
    }

    private static List<String> words(String s) {
        return List.of(s.strip().split("\\s+"));
    }

    private static String replaceWord(String s, String old, String now) {
        String[] w = s.split(" ", -1);
        for (int i = 0; i < w.length; i++) {
            if (w[i].equals(old)) {
                w[i] = now;
            }
        }
        return String.join(" ", w);
    }

    private static String text(DevT d) {
        return d.major() + ":" + d.minor();
    }
}
