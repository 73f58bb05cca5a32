package io.jmultipath.daemon.cli;

import io.jmultipath.config.Config;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.Configurator;
import io.jmultipath.daemon.maps.FindMultipaths;
import io.jmultipath.daemon.maps.KernelMap;
import io.jmultipath.daemon.maps.KernelMaps;
import io.jmultipath.daemon.maps.PathProbe;
import io.jmultipath.daemon.maps.SettingsResolver;
import io.jmultipath.daemon.names.BindingsFile;
import io.jmultipath.daemon.names.WwidsFile;
import io.jmultipath.dmctl.DeviceMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code -a}, {@code -w}, {@code -W} (wwids file edits), {@code -c} (should this be a path?) and
 * the {@code device} argument's reference WWID, with multipath(8) 0.9.4's texts:
 * "wwid 'W' added", "wwid 'W' removed", "wwid 'W' not in wwids file" (exit 0),
 * "successfully reset wwids".
 */
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

    /** -a / -w / -c; {@code dm} may be null (no device-mapper: no maps). */
    int run(MultipathArgs a, Optional<DevArg> dev, DeviceMapper dm) {
        try {
            KernelMaps kernel = dm == null ? new KernelMaps(List.of(), Set.of()) : KernelMaps.read(dm);
            WwidsFile wwids = configurator.wwids();
            if (a.check()) {
                Set<String> known = wwids.read().wwids();
                FindMultipaths find = FindMultipaths.tool(new SettingsResolver(config, options.forcedPolicy())
                        .findMultipaths(), known, options.ignoreWwids());
                return new ValidPath(root, context(kernel), find, known, kernel,
                        Optional.ofNullable(System.getenv("DM_MULTIPATH_DEVICE_PATH")), Instant.now())
                        .run(dev.orElseThrow(), out, m -> new ToolLog(a.verbosity(), err).log(1, m));
            }
            if (dev.isEmpty()) {
                return 0; // -a without a device: nothing to add, like multipath(8)
            }
            Optional<String> wwid = context(kernel).resolve(dev.get(), !a.removeWwid(), err::println);
            if (wwid.isEmpty()) {
                return 1;
            }
            if (a.addWwid()) {
                wwids.add(wwid.get());
                out.println("wwid '" + wwid.get() + "' added");
                return 0;
            }
            if (wwids.remove(wwid.get())) {
                out.println("wwid '" + wwid.get() + "' removed");
            } else {
                out.println("wwid '" + wwid.get() + "' not in wwids file");
            }
            return 0;
        } catch (IOException e) {
            err.println("jmultipath: " + e.getMessage());
            return 1;
        }
    }

    /** The WWID the device argument stands for (multipath's scope), empty if none. */
    Optional<String> refWwid(DevArg dev, DeviceMapper dm, boolean fullBlacklist) throws IOException {
        return context(KernelMaps.read(dm)).resolve(dev, fullBlacklist, err::println);
    }

    private RefWwid context(KernelMaps kernel) throws IOException {
        BindingsFile.Parsed bindings;
        try {
            bindings = configurator.bindings().read();
        } catch (IOException e) {
            bindings = BindingsFile.parse("", "");
        }
        return new RefWwid(configurator.discover().paths(), configurator.planner(), kernel, bindings, config, root);
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
}
