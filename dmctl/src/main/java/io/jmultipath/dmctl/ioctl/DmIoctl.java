package io.jmultipath.dmctl.ioctl;

/** The DM ioctl commands; request code = _IOWR(0xfd, nr, struct dm_ioctl) = 0xc138fd00 + nr. */
public enum DmIoctl {
  DM_VERSION(0), DM_REMOVE_ALL(1), DM_LIST_DEVICES(2), DM_DEV_CREATE(3), DM_DEV_REMOVE(4),
  DM_DEV_RENAME(5), DM_DEV_SUSPEND(6), DM_DEV_STATUS(7), DM_DEV_WAIT(8), DM_TABLE_LOAD(9),
  DM_TABLE_CLEAR(10), DM_TABLE_DEPS(11), DM_TABLE_STATUS(12), DM_LIST_VERSIONS(13),
  DM_TARGET_MSG(14), DM_DEV_SET_GEOMETRY(15), DM_DEV_ARM_POLL(16), DM_GET_TARGET_VERSION(17);

  private final int nr;

  DmIoctl(int nr) {
    this.nr = nr;
  }

  public int nr() {
    return nr;
  }

  /** The ioctl request code (unsigned long), e.g. 0xc138fd09 for DM_TABLE_LOAD. */
  public long request() {
    return (3L << 30) | ((long) DmAbi.DM_IOCTL_SIZE << 16) | (0xfdL << 8) | nr;
  }
}
