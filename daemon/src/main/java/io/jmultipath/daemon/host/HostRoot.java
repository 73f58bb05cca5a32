package io.jmultipath.daemon.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The root of the host file system every reader resolves its files from (default {@code /};
 * {@code --root DIR} for tests and the simulated SAN). Never read {@code /sys} through a constant:
 * take a HostRoot.
 */
public record HostRoot(Path root) {

    public HostRoot {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** The real machine. */
    public static HostRoot system() {
        return new HostRoot(Path.of("/"));
    }

    public static HostRoot of(String dir) {
        return new HostRoot(Path.of(dir));
    }

    public boolean isSystem() {
        return root.equals(Path.of("/"));
    }

    /** An absolute host path ("/sys/block") resolved below the root. */
    public Path resolve(String absolute) {
        String rel = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        return rel.isEmpty() ? root : root.resolve(rel);
    }

    public Path sys() {
        return resolve("/sys");
    }

    public Path sysBlock() {
        return resolve("/sys/block");
    }

    public Path dev() {
        return resolve("/dev");
    }

    public Path udevData() {
        return resolve("/run/udev/data");
    }

    public Path multipathConf() {
        return resolve("/etc/multipath.conf");
    }

    public Path confDir() {
        return resolve("/etc/multipath/conf.d");
    }

    public Path bindingsFile() {
        return resolve("/etc/multipath/bindings");
    }

    public Path wwidsFile() {
        return resolve("/etc/multipath/wwids");
    }

    public Path mapperControl() {
        return resolve("/dev/mapper/control");
    }

    /** Host-absolute text of a path below the root, for messages ("/sys/block/sdb/size"). */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            return abs.toString();
        }
        return "/" + root.relativize(abs).toString().replace('\\', '/');
    }
}
