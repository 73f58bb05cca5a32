/**
 * Device-mapper access for jmultipath.
 *
 * <ul>
 *   <li>{@link io.jmultipath.dmctl.DeviceMapper}: the operations (version, list with event_nr,
 *       info, create = create+load+resume with cleanup, load, suspend/resume, remove (+deferred),
 *       rename, table, status, deps, target message, target versions, events). Every failure is a
 *       {@link io.jmultipath.dmctl.DmException}: "DM_TABLE_LOAD mpatha: EINVAL (Invalid argument)".</li>
 *   <li>{@link io.jmultipath.dmctl.DeviceMappers#open(String)}: "kernel" (JNA ioctls on
 *       /dev/mapper/control), "kernel:PATH", "emulated", "emulated:FILE".</li>
 *   <li>{@link io.jmultipath.dmctl.IoctlDeviceMapper} over a
 *       {@link io.jmultipath.dmctl.ioctl.DmControl} (JNA binding in {@code dmctl.jna}); the pure
 *       buffer codec is {@link io.jmultipath.dmctl.ioctl.DmIoctlCodec}.</li>
 *   <li>{@link io.jmultipath.dmctl.EmulatedDeviceMapper}: an emulated kernel with dm-multipath
 *       semantics and simulated I/O through the selector module's path selectors.</li>
 *   <li>Codecs of the dm-multipath target: {@link io.jmultipath.dmctl.MultipathTable} and
 *       {@link io.jmultipath.dmctl.MultipathStatus}.</li>
 *   <li>{@code dmctl.cli.DmCommand}: the dmsetup-style {@code jmultipath dm ...} command.</li>
 * </ul>
 */
package io.jmultipath.dmctl;
