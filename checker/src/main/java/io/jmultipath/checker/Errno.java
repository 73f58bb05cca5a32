package io.jmultipath.checker;

import java.util.Map;

/** errno number to name (x86_64 Linux), for {@link ErrnoException} messages. */
public final class Errno {
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ENOENT = 2;
    public static final int ENOTTY = 25;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
        Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(4, "EINTR"), Map.entry(5, "EIO"),
        Map.entry(6, "ENXIO"), Map.entry(9, "EBADF"), Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"),
        Map.entry(13, "EACCES"), Map.entry(14, "EFAULT"), Map.entry(15, "ENOTBLK"), Map.entry(16, "EBUSY"),
        Map.entry(19, "ENODEV"), Map.entry(21, "EISDIR"), Map.entry(22, "EINVAL"), Map.entry(25, "ENOTTY"),
        Map.entry(28, "ENOSPC"), Map.entry(30, "EROFS"), Map.entry(38, "ENOSYS"), Map.entry(61, "ENODATA"),
        Map.entry(95, "EOPNOTSUPP"), Map.entry(110, "ETIMEDOUT"), Map.entry(123, "ENOMEDIUM"),
        Map.entry(125, "ECANCELED"));

    private Errno() {
    }

    public static String name(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
