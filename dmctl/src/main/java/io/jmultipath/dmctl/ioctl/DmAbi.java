package io.jmultipath.dmctl.ioctl;

/** Sizes, offsets and flags of the DM ioctl ABI (linux-abi-x86_64.txt). */
public final class DmAbi {
  public static final int DM_IOCTL_SIZE = 312;
  public static final int OFF_VERSION = 0;
  public static final int OFF_DATA_SIZE = 12;
  public static final int OFF_DATA_START = 16;
  public static final int OFF_TARGET_COUNT = 20;
  public static final int OFF_OPEN_COUNT = 24;
  public static final int OFF_FLAGS = 28;
  public static final int OFF_EVENT_NR = 32;
  public static final int OFF_DEV = 40;
  public static final int OFF_NAME = 48;
  public static final int OFF_UUID = 176;
  public static final int NAME_LEN = 128;
  public static final int UUID_LEN = 129;
  public static final int TARGET_SPEC_SIZE = 40;
  public static final int MAX_TYPE_NAME = 16;

  public static final int DM_READONLY_FLAG = 0x1;
  public static final int DM_SUSPEND_FLAG = 0x2;
  public static final int DM_PERSISTENT_DEV_FLAG = 0x8;
  public static final int DM_STATUS_TABLE_FLAG = 0x10;
  public static final int DM_ACTIVE_PRESENT_FLAG = 0x20;
  public static final int DM_INACTIVE_PRESENT_FLAG = 0x40;
  public static final int DM_BUFFER_FULL_FLAG = 0x100;
  public static final int DM_SKIP_LOCKFS_FLAG = 0x400;
  public static final int DM_NOFLUSH_FLAG = 0x800;
  public static final int DM_UUID_FLAG = 0x4000;
  public static final int DM_DATA_OUT_FLAG = 0x10000;
  public static final int DM_DEFERRED_REMOVE = 0x20000;
  public static final int DM_NAME_LIST_FLAG_HAS_UUID = 1;

  /** The interface version we speak (major must match; the kernel reports its own). */
  public static final int[] OUR_VERSION = {4, 0, 0};

  private DmAbi() {}

  static int align8(int n) {
    return (n + 7) & ~7;
  }
}
