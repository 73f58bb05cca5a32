package io.jmultipath.checker;

import java.io.IOException;
import java.util.Objects;

/** A failed system call: operation, device and errno name ("SG_IO /dev/sdb: ENOTTY"). */
public final class ErrnoException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String operation;
    private final String device;
    private final String errnoName;
    private final int errno;

    public ErrnoException(String operation, String device, int errno, String errnoName) {
        super(operation + " " + device + ": " + errnoName);
        this.operation = Objects.requireNonNull(operation);
        this.device = Objects.requireNonNull(device);
        this.errno = errno;
        this.errnoName = Objects.requireNonNull(errnoName);
    }

    public String operation() { return operation; }

    public String device() { return device; }

    public int errno() { return errno; }

    public String errnoName() { return errnoName; }
}
