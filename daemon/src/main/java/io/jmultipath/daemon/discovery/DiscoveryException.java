package io.jmultipath.daemon.discovery;

/** A device whose sysfs data cannot be used; the message names the device and the attribute. */
public final class DiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
        super(message);
    }
}
