package io.jmultipath.dmctl;

import java.util.Optional;

/** Outcome of one simulated I/O on an emulated map. */
public record IoResult(Kind kind, Optional<DevT> path, int pathsFailed) {
  public enum Kind {
    /** Completed on {@link #path()}. */
    COMPLETED,
    /** No usable path and queue_if_no_path (or the map is suspended): held in the map. */
    QUEUED,
    /** No usable path and fail_if_no_path (or an error target): EIO to the caller. */
    FAILED
  }
}
