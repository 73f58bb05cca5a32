package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.host.HostRoot;

import java.nio.file.Files;
import java.util.regex.Pattern;

/**
 * The {@code device} argument of multipath(8), classified like its get_dev_type(): an existing
 * device node ("/dev/sdb", resolved below the host root) is a path, or a map for /dev/dm-N and
 * /dev/mapper/NAME; "8:16" is a dev_t; any other word without '/' is a map name, alias or WWID
 * ("sdb" without /dev/ is a map name, as for multipath-tools); anything else is invalid.
 *
 * @param kind what the argument is
 * @param text the argument as given (for messages)
 * @param name kernel name for a path ("sdb"), "maj:min" for a dev_t, the map name/alias/WWID for a map
 */
record DevArg(Kind kind, String text, String name) {

    enum Kind { DEVNODE, DEVT, DEVMAP, NONE }

    private static final Pattern DEVT = Pattern.compile("\\d+:\\d+");

    static DevArg classify(String arg, HostRoot root) {
        String a = arg.strip();
        if (a.startsWith("/")) {
            if (Files.exists(root.resolve(a))) {
                if (a.startsWith("/dev/mapper/")) {
                    return new DevArg(Kind.DEVMAP, arg, a.substring("/dev/mapper/".length()));
                }
                String base = a.substring(a.lastIndexOf('/') + 1);
                return new DevArg(base.startsWith("dm-") ? Kind.DEVMAP : Kind.DEVNODE, arg, base);
            }
            return new DevArg(Kind.NONE, arg, a);
        }
        if (DEVT.matcher(a).matches()) {
            return new DevArg(Kind.DEVT, arg, a);
        }
        if (a.isEmpty() || a.contains("/")) {
            return new DevArg(Kind.NONE, arg, a);
        }
        return new DevArg(Kind.DEVMAP, arg, a);
    }

    boolean isPath() {
        return kind == Kind.DEVNODE || kind == Kind.DEVT;
    }
}
