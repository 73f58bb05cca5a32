package io.jmultipath.dmctl;

import java.util.Optional;

/**
 * A device-mapper operation failed. The message names the operation, the map and the errno:
 * {@code DM_TABLE_LOAD mpatha: EINVAL (Invalid argument)}.
 */
public class DmException extends RuntimeException {
  private final String operation;
  private final String device;
  private final String errno;

  public DmException(String operation, Optional<String> device, Optional<String> errno, String message) {
    super(message);
    this.operation = operation;
    this.device = device.orElse(null);
    this.errno = errno.orElse(null);
  }

  public DmException(String operation, Optional<String> device, Optional<String> errno, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.device = device.orElse(null);
    this.errno = errno.orElse(null);
  }

  /** A kernel-style error: "OP name: ENAME (text)". */
  public static DmException errno(String operation, String device, int errnoValue) {
    String text = operation + (device == null ? "" : " " + device) + ": " + Errno.describe(errnoValue);
    return new DmException(operation, Optional.ofNullable(device), Optional.of(Errno.name(errnoValue)), text);
  }

  /** An errno with the reason the (emulated) kernel would log: "OP name: ENAME (text): detail". */
  public static DmException errno(String operation, String device, int errnoValue, String detail) {
    String text = operation + (device == null ? "" : " " + device) + ": " + Errno.describe(errnoValue) + ": " + detail;
    return new DmException(operation, Optional.ofNullable(device), Optional.of(Errno.name(errnoValue)), text);
  }

  /** A failure detected before any ioctl (bad name, malformed table ...). */
  public static DmException invalid(String operation, String device, String reason) {
    String text = operation + (device == null ? "" : " " + device) + ": " + reason;
    return new DmException(operation, Optional.ofNullable(device), Optional.empty(), text);
  }

  /** E.g. "DM_TABLE_LOAD". */
  public String operation() {
    return operation;
  }

  public Optional<String> device() {
    return Optional.ofNullable(device);
  }

  /** The errno name, e.g. "EINVAL", when the kernel (or the emulation) refused. */
  public Optional<String> errno() {
    return Optional.ofNullable(errno);
  }
}
