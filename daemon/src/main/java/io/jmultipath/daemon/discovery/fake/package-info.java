/**
 * The simulated SAN: writes a realistic sysfs / udev / /dev / /etc tree under a HostRoot
 * ({@link io.jmultipath.daemon.discovery.fake.SanTreeWriter}, {@link io.jmultipath.daemon.discovery.fake.SanLayout}).
 * Production code, used by tests, benchmarks and {@code jmultipathd --demo}.
 */
package io.jmultipath.daemon.discovery.fake;
