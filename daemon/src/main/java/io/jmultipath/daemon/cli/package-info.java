/** Command-line entry points: {@code jmultipath} ({@link io.jmultipath.daemon.cli.MultipathMain}) and {@code jmultipathd}. */
package io.jmultipath.daemon.cli;
