package io.jmultipath.daemon.maps;

import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.DmInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * sysfs_set_max_sectors_kb, done by domap before a table is loaded: with {@code max_sectors_kb}
 * configured (defaults, a device entry, overrides or the map's multipaths entry), every path's
 * {@code queue/max_sectors_kb} is set to it before a create; before a reload the paths are set to
 * what the map already has, so a path added later never allows less than the map's queue limits
 * promise (which would fail large I/O). Nothing is done without the setting.
 */
public final class MaxSectors implements Reconciler.BeforeLoad {
    private final HostRoot root;
    private final DeviceMapper dm;
    private final SettingsResolver settings;
    private final BiConsumer<Integer, String> log;

    /** @param log multipath-tools' verbosity level and message */
    public MaxSectors(HostRoot root, DeviceMapper dm, SettingsResolver settings, BiConsumer<Integer, String> log) {
        this.root = root;
        this.dm = dm;
        this.settings = settings;
        this.log = log;
    }

    /** The map's max_sectors_kb (multipaths > overrides > devices > defaults), if any layer sets it. */
    Optional<Integer> selected(PlannedMap p) {
        if (p.map().paths().isEmpty()) {
            return Optional.empty();
        }
        var first = p.map().paths().get(0).info();
        String v = SettingsResolver.value(settings.resolve(first.withWwid(Optional.of(p.wwid()), first.wwidSource())),
                "max_sectors_kb", "");
        try {
            int n = Integer.parseInt(v.strip());
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void beforeCreate(PlannedMap p) {
        selected(p).ifPresent(kb -> setPaths(p, kb));
    }

    @Override
    public void beforeReload(PlannedMap p, String kernelName) {
        if (selected(p).isEmpty()) {
            return;
        }
        Optional<DmInfo> info;
        try {
            info = dm.info(kernelName);
        } catch (DmException e) {
            info = Optional.empty();
        }
        if (info.isEmpty()) {
            log.accept(1, "failed to get dm info for " + kernelName);
            return;
        }
        Path attr = root.sysBlock().resolve("dm-" + info.get().dev().minor()).resolve("queue/max_sectors_kb");
        String current;
        try {
            current = Files.readString(attr).strip();
        } catch (IOException e) {
            log.accept(1, "failed to get current max_sectors_kb from " + kernelName);
            return;
        }
        try {
            setPaths(p, Integer.parseInt(current));
        } catch (NumberFormatException e) {
            log.accept(1, "can't parse current max_sectors_kb from " + kernelName);
        }
    }

    private void setPaths(PlannedMap p, int kb) {
        for (var path : p.map().paths()) {
            Path attr = root.sysBlock().resolve(path.dev()).resolve("queue/max_sectors_kb");
            try {
                Files.writeString(attr, Integer.toString(kb));
            } catch (IOException e) {
                log.accept(1, "failed setting max_sectors_kb on " + path.dev() + " : " + e.getMessage());
            }
        }
    }
}
