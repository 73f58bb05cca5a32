package io.jmultipath.daemon.runtime;

import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.PathProbe;
import io.jmultipath.dmctl.DeviceMapper;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

/**
 * What the engine is wired with: the host root, device-mapper, a nanosecond clock, checker
 * factory + executor, and the probe used for paths seen for the first time.
 */
public record EngineDeps(HostRoot root, DeviceMapper dm, LongSupplier clock, CheckerFactory checkers,
                         ExecutorService checkExecutor, PathProbe probe) {
}
