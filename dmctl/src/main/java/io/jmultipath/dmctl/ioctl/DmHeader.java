package io.jmultipath.dmctl.ioctl;

import io.jmultipath.dmctl.DevT;
import java.util.Optional;

/** The fixed part of a struct dm_ioctl as returned by the kernel. */
public record DmHeader(int versionMajor, int versionMinor, int versionPatch, int dataSize, int dataStart,
                       int targetCount, int openCount, int flags, int eventNr, DevT dev,
                       String name, Optional<String> uuid) {
  public boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }
}
