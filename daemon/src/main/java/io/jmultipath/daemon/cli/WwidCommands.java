package io.jmultipath.daemon.cli;

import io.jmultipath.config.Config;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.Configurator;
import io.jmultipath.daemon.maps.FindMultipaths;
import io.jmultipath.daemon.maps.KernelMap;
import io.jmultipath.daemon.maps.KernelMaps;
import io.jmultipath.daemon.maps.MapPlanner;
import io.jmultipath.daemon.maps.PathProbe;
import io.jmultipath.daemon.maps.SettingsResolver;
import io.jmultipath.daemon.names.WwidsFile;
import io.jmultipath.dmctl.DeviceMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code -a}, {@code -w}, {@code -W} (wwids file edits) and {@code -c} (is this a multipath path?). */
final class WwidCommands {

    private final HostRoot root;
    private final Config config;
    private final Configurator configurator;
    private final Configurator.Options options;
    private final PrintStream out;
    private final PrintStream err;

    WwidCommands(HostRoot root, Config config, PathProbe probe, Configurator.Options options, PrintStream out,
                 PrintStream err) {
        this.root = root;
        this.config = config;
        this.options = options;
        this.configurator = new Configurator(root, config, null, probe, options);
        this.out = out;
        this.err = err;
    }

    int run(MultipathArgs a) {
        if (a.device().isEmpty()) {
            err.println("jmultipath: a device argument is required");
            return 1;
        }
        String dev = a.device().get();
        try {
            List<DiscoveredPath> paths = configurator.discover().paths();
            MapPlanner planner = configurator.planner();
            Optional<DiscoveredPath> path = find(paths, dev).map(planner::withWwid);
            WwidsFile wwids = configurator.wwids();
            if (a.check()) {
                return check(dev, path, paths, planner, wwids);
            }
            String wwid = path.flatMap(DiscoveredPath::wwid).orElse(path.isPresent() ? null : dev);
            if (wwid == null) {
                err.println(dev + ": cannot get wwid");
                return 1;
            }
            if (a.addWwid()) {
                wwids.add(wwid);
                out.println("wwid '" + wwid + "' added");
                return 0;
            }
            if (wwids.remove(wwid)) {
                out.println("wwid '" + wwid + "' removed");
                return 0;
            }
            err.println("wwid '" + wwid + "' not found in /etc/multipath/wwids");
            return 1;
        } catch (IOException e) {
            err.println("jmultipath: " + e.getMessage());
            return 1;
        }
    }

    private int check(String dev, Optional<DiscoveredPath> path, List<DiscoveredPath> all, MapPlanner planner,
                      WwidsFile wwids) throws IOException {
        boolean valid = false;
        if (path.isPresent() && path.get().wwid().isPresent() && !planner.blacklist(path.get()).blacklisted()) {
            String wwid = path.get().wwid().get();
            long count = all.stream().map(planner::withWwid).filter(p -> p.wwid().equals(Optional.of(wwid))).count();
            FindMultipaths f = new FindMultipaths(new SettingsResolver(config, options.forcedPolicy()).findMultipaths(),
                    wwids.read().wwids(), options.ignoreWwids());
            valid = f.shouldMultipath(wwid, (int) count, false);
        }
        out.println(dev + (valid ? " is a valid multipath device path" : " is not a valid multipath device path"));
        return valid ? 0 : 1;
    }

    /** -W: keep only the WWIDs of the current multipath maps. */
    int reset(DeviceMapper dm) {
        try {
            configurator.wwids().replaceAll(KernelMaps.read(dm).maps().stream().map(KernelMap::wwid).toList());
            out.println("successfully reset wwids");
            return 0;
        } catch (IOException e) {
            err.println("jmultipath: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<DiscoveredPath> find(List<DiscoveredPath> paths, String dev) {
        String d = dev.startsWith("/dev/") ? dev.substring(5) : dev;
        return paths.stream().filter(p -> p.dev().equals(d) || p.devT().equals(d)).findFirst();
    }

    HostRoot root() {
        return root;
    }
}
