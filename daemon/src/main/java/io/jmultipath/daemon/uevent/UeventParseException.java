package io.jmultipath.daemon.uevent;

/** A datagram that is not a uevent ("udev header: bad magic 0x12345678"). */
public final class UeventParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public UeventParseException(String message) {
        super(message);
    }
}
