package io.jmultipath.daemon.cli;

import io.jmultipath.config.Config;
import io.jmultipath.config.PathIdentity;
import io.jmultipath.daemon.discovery.Discovery;
import io.jmultipath.daemon.discovery.SysfsReader;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.KernelMap;
import io.jmultipath.daemon.maps.KernelMaps;
import io.jmultipath.daemon.maps.SettingsResolver;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DeviceMappers;
import io.jmultipath.dmctl.DmException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code jmultipath -T}: the configuration limited to the device entries of present paths and present maps. */
final class LocalConfig {

    private LocalConfig() {
    }

    static int print(HostRoot root, Config config, String dmSpec, PrintStream out, PrintStream err) {
        List<PathIdentity> ids;
        try {
            Discovery.Result r = new Discovery(new SysfsReader(root)).discover();
            SettingsResolver sr = new SettingsResolver(config, java.util.Optional.empty());
            ids = r.paths().stream().map(p -> p.resolveWwid(sr.uidAttribute(p))).map(SettingsResolver::identity).toList();
        } catch (IOException e) {
            err.println("jmultipath: " + e.getMessage());
            return 1;
        }
        Map<String, String> maps = new LinkedHashMap<>();
        try (DeviceMapper dm = DeviceMappers.open(dmSpec)) {
            for (KernelMap k : KernelMaps.read(dm).maps()) {
                maps.put(k.wwid(), k.name());
            }
        } catch (DmException | IllegalArgumentException e) {
            // no device-mapper: no multipaths section, like multipath -T without maps
        }
        MultipathMain.printConfig(out, config.showConfigLocal(ids, maps));
        return 0;
    }
}
