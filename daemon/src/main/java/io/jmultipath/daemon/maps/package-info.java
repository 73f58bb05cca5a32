/**
 * Map assembly and reconciliation: settings (propsel), {@link io.jmultipath.daemon.maps.MapPlanner}
 * (coalesce paths into planned maps), {@link io.jmultipath.daemon.maps.MapAssembler} (dm table),
 * {@link io.jmultipath.daemon.maps.KernelMaps} / {@link io.jmultipath.daemon.maps.KernelTopology}
 * (read back), {@link io.jmultipath.daemon.maps.Reconciler} (create / reload / rename / adopt), and the
 * {@link io.jmultipath.daemon.maps.Configurator} facade that ties them together.
 */
package io.jmultipath.daemon.maps;
