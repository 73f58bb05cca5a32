package io.jmultipath.dmctl;

import java.util.Optional;

/** The control node cannot be opened: no device-mapper in this kernel (or no permission). */
public final class DmUnavailableException extends DmException {
  public DmUnavailableException(String controlPath, int errnoValue) {
    super("open", Optional.empty(), Optional.of(Errno.name(errnoValue)),
        "device-mapper not available: " + controlPath + ": " + Errno.text(errnoValue) + " (is dm_mod loaded?)");
  }

  public DmUnavailableException(String message) {
    super("open", Optional.empty(), Optional.empty(), message);
  }
}
