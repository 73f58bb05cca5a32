package io.jmultipath.daemon.discovery;

/** Where a path's WWID came from. */
public enum WwidSource { UDEV, VPD83, SYSFS_WWID, NONE }
