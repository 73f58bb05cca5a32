package io.jmultipath.daemon.cli;

import io.jmultipath.config.Config;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.KernelMap;
import io.jmultipath.daemon.maps.KernelMaps;
import io.jmultipath.daemon.maps.MapPlanner;
import io.jmultipath.daemon.names.BindingsFile;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * multipath(8)'s get_refwwid: the WWID a {@code device} argument stands for. A path (device node or
 * dev_t) gives its WWID unless it is blacklisted; a map argument is looked up as a device-mapper
 * map name (or /dev/dm-N), then as a bindings-file alias, then as a multipaths-section alias, and
 * is otherwise taken as a WWID itself; a blacklisted WWID gives nothing.
 *
 * @param paths    discovered paths (WWIDs not yet resolved)
 * @param planner  WWID resolution and blacklist
 * @param kernel   the kernel's maps (empty when there is no device-mapper)
 * @param bindings the bindings file, read
 * @param config   configuration (multipaths aliases)
 * @param root     host root (to tell "no such block device" from "not a path candidate")
 */
record RefWwid(List<DiscoveredPath> paths, MapPlanner planner, KernelMaps kernel, BindingsFile.Parsed bindings,
               Config config, HostRoot root) {

    /**
     * @param fullBlacklist every blacklist criterion (as with DI_BLACKLIST); false: only the device
     *                      node rules ({@code -w} removes WWIDs of otherwise blacklisted devices)
     * @param err           receives "NAME: cannot find block device"
     */
    Optional<String> resolve(DevArg a, boolean fullBlacklist, Consumer<String> err) {
        switch (a.kind()) {
            case DEVNODE:
            case DEVT: {
                Optional<DiscoveredPath> p = path(a);
                if (p.isEmpty()) {
                    if (a.kind() == DevArg.Kind.DEVT || !Files.exists(root.sysBlock().resolve(a.name()))) {
                        err.accept(a.name() + ": cannot find block device");
                    }
                    return Optional.empty();
                }
                DiscoveredPath w = planner.withWwid(p.get());
                boolean blacklisted = fullBlacklist ? planner.blacklist(w).blacklisted()
                        : planner.settings().config().blacklist().checkDevnode(w.dev()).blacklisted();
                return blacklisted ? Optional.empty() : w.wwid();
            }
            case DEVMAP: {
                String n = a.name();
                Optional<String> wwid = kernel.maps().stream()
                        .filter(k -> k.name().equals(n) || ("dm-" + k.info().dev().minor()).equals(n))
                        .map(KernelMap::wwid).findFirst();
                if (wwid.isEmpty()) {
                    wwid = bindings.wwidOf(n);
                }
                if (wwid.isEmpty()) {
                    wwid = config.multipaths().stream().filter(e -> e.alias().equals(Optional.of(n)))
                            .map(e -> e.wwid()).findFirst();
                }
                String w = wwid.orElse(n);
                if (planner.blacklistWwid(w)) {
                    return Optional.empty();
                }
                return Optional.of(w);
            }
            default:
                return Optional.empty();
        }
    }

    /** The discovered path a device node / dev_t argument names. */
    Optional<DiscoveredPath> path(DevArg a) {
        return paths.stream().filter(p -> a.kind() == DevArg.Kind.DEVT ? p.devT().equals(a.name())
                : p.dev().equals(a.name())).findFirst();
    }
}
