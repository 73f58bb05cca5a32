/**
 * Output formats byte-compatible with multipath-tools 0.9.4: {@link io.jmultipath.daemon.format.Formatter}
 * (topology, show paths / maps with wildcards, show wildcards) and {@link io.jmultipath.daemon.format.JsonFormatter}.
 */
package io.jmultipath.daemon.format;
