package io.jmultipath.daemon.server;

/** Who sent a command (SO_PEERCRED of the connection); uid -1 = unknown (treated as non-root). */
public record Caller(int pid, int uid, int gid) {

    public static Caller root() {
        return new Caller(0, 0, 0);
    }

    public boolean isRoot() {
        return uid == 0;
    }
}
