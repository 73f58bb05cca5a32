package io.jmultipath.daemon.runtime;

import io.jmultipath.config.ConfigException;
import io.jmultipath.config.ConfigLoader;
import io.jmultipath.config.LoadResult;
import io.jmultipath.daemon.host.HostRoot;
import java.nio.file.Path;
import java.util.Optional;

/** Where the configuration comes from: --config FILE or the root's /etc/multipath.conf (+ conf.d). */
public record ConfigSource(Optional<Path> file, HostRoot root) {
    public LoadResult load() throws ConfigException {
        return ConfigLoader.load(file.orElse(root.multipathConf()), root.confDir());
    }
}
