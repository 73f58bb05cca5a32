/**
 * Path discovery from sysfs and the udev database: {@link io.jmultipath.daemon.discovery.SysfsReader}
 * reads, {@link io.jmultipath.daemon.discovery.PathInfoParser} and {@link io.jmultipath.daemon.discovery.Vpd}
 * parse, {@link io.jmultipath.daemon.discovery.Discovery} ties them together.
 */
package io.jmultipath.daemon.discovery;
