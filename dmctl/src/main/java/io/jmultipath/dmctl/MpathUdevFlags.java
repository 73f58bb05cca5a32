package io.jmultipath.dmctl;

import io.jmultipath.dmctl.UdevFlags.Flag;

/**
 * The udev flags multipath-tools (libmultipath/devmapper.c) sends with its device-mapper calls,
 * and what the multipath udev rules (11-dm-mpath.rules, Debian: 56-dm-mpath.rules) read from them:
 * <ul>
 *   <li>{@link #RELOAD} = DM_SUBSYSTEM_UDEV_FLAG0 (MPATH_UDEV_RELOAD_FLAG): a table reload, not
 *       a new device: the rules drop DM_ACTIVATION so upper layers do not rescan;</li>
 *   <li>{@link #NO_KPARTX} = DM_SUBSYSTEM_UDEV_FLAG1 (MPATH_UDEV_NO_KPARTX_FLAG): skip_kpartx;</li>
 *   <li>{@link #NO_PATHS} = DM_SUBSYSTEM_UDEV_FLAG2 (MPATH_UDEV_NO_PATHS_FLAG): no usable path,
 *       the rules mark the map not ready (MPATH_DEVICE_READY=0, no scanning).</li>
 * </ul>
 * Every call carries DM_UDEV_DISABLE_LIBRARY_FALLBACK (multipath-tools never lets libdevmapper
 * create /dev/mapper nodes itself); {@link UdevFlags.Flag#PRIMARY_SOURCE} is added by the
 * {@link DeviceMapper} implementation, as libdevmapper adds it.
 */
public final class MpathUdevFlags {
  public static final Flag RELOAD = Flag.SUBSYSTEM_0;
  public static final Flag NO_KPARTX = Flag.SUBSYSTEM_1;
  public static final Flag NO_PATHS = Flag.SUBSYSTEM_2;

  private MpathUdevFlags() {}

  /** dm_addmap_create: build_udev_flags(mpp, 0) | DM_UDEV_DISABLE_LIBRARY_FALLBACK. */
  public static UdevFlags create(boolean skipKpartx, boolean noUsablePaths) {
    return base(skipKpartx, noUsablePaths);
  }

  /**
   * dm_addmap_reload's resume: build_udev_flags(mpp, 1). The reload flag is left out when
   * multipath-tools sets force_udev_reload (reload forced by the user, size change), so udev
   * treats the map as freshly activated.
   */
  public static UdevFlags reload(boolean skipKpartx, boolean noUsablePaths, boolean forceUdevReload) {
    UdevFlags f = base(skipKpartx, noUsablePaths);
    return forceUdevReload ? f : f.with(RELOAD);
  }

  /** dm_rename: DM_UDEV_DISABLE_LIBRARY_FALLBACK | (skip_kpartx ? MPATH_UDEV_NO_KPARTX_FLAG : 0). */
  public static UdevFlags rename(boolean skipKpartx) {
    return base(skipKpartx, false);
  }

  /** multipathd "resume map": dm_simplecmd_noflush(RESUME, skip_kpartx ? NO_KPARTX : 0). */
  public static UdevFlags resume(boolean skipKpartx) {
    return base(skipKpartx, false);
  }

  /** A synchronous remove (dm_flush_map: need_sync, no subsystem flags). */
  public static UdevFlags remove() {
    return UdevFlags.of(Flag.DISABLE_LIBRARY_FALLBACK);
  }

  private static UdevFlags base(boolean skipKpartx, boolean noUsablePaths) {
    UdevFlags f = UdevFlags.of(Flag.DISABLE_LIBRARY_FALLBACK);
    if (skipKpartx) {
      f = f.with(NO_KPARTX);
    }
    if (noUsablePaths) {
      f = f.with(NO_PATHS);
    }
    return f;
  }
}
