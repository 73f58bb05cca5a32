/**
 * The immutable topology model: {@link io.jmultipath.daemon.topology.Path},
 * {@link io.jmultipath.daemon.topology.PathGroup}, {@link io.jmultipath.daemon.topology.MultipathMap},
 * snapshots in {@link io.jmultipath.daemon.topology.Topology}; path grouping policies in
 * {@link io.jmultipath.daemon.topology.PathGrouping}.
 */
package io.jmultipath.daemon.topology;
