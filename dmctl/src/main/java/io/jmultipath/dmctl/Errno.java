package io.jmultipath.dmctl;

/** errno numbers (x86_64 Linux) to names and glibc strerror texts. */
public final class Errno {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EINTR = 4;
  public static final int EIO = 5;
  public static final int ENXIO = 6;
  public static final int EBADF = 9;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int EFAULT = 14;
  public static final int ENOTBLK = 15;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int ENODEV = 19;
  public static final int EINVAL = 22;
  public static final int ENOTTY = 25;
  public static final int ENOSPC = 28;
  public static final int EROFS = 30;
  public static final int ENAMETOOLONG = 36;
  public static final int ENOSYS = 38;
  public static final int ETIMEDOUT = 110;

  private static final String[][] TABLE = {
      {"0", "OK", "Success"},
      {"1", "EPERM", "Operation not permitted"},
      {"2", "ENOENT", "No such file or directory"},
      {"3", "ESRCH", "No such process"},
      {"4", "EINTR", "Interrupted system call"},
      {"5", "EIO", "Input/output error"},
      {"6", "ENXIO", "No such device or address"},
      {"7", "E2BIG", "Argument list too long"},
      {"9", "EBADF", "Bad file descriptor"},
      {"11", "EAGAIN", "Resource temporarily unavailable"},
      {"12", "ENOMEM", "Cannot allocate memory"},
      {"13", "EACCES", "Permission denied"},
      {"14", "EFAULT", "Bad address"},
      {"15", "ENOTBLK", "Block device required"},
      {"16", "EBUSY", "Device or resource busy"},
      {"17", "EEXIST", "File exists"},
      {"19", "ENODEV", "No such device"},
      {"20", "ENOTDIR", "Not a directory"},
      {"22", "EINVAL", "Invalid argument"},
      {"24", "EMFILE", "Too many open files"},
      {"25", "ENOTTY", "Inappropriate ioctl for device"},
      {"28", "ENOSPC", "No space left on device"},
      {"30", "EROFS", "Read-only file system"},
      {"34", "ERANGE", "Numerical result out of range"},
      {"36", "ENAMETOOLONG", "File name too long"},
      {"38", "ENOSYS", "Function not implemented"},
      {"95", "EOPNOTSUPP", "Operation not supported"},
      {"110", "ETIMEDOUT", "Connection timed out"},
  };

  private Errno() {}

  private static String[] row(int errno) {
    for (String[] r : TABLE) {
      if (Integer.parseInt(r[0]) == errno) {
        return r;
      }
    }
    return null;
  }

  /** "EINVAL"; "errno 123" when unknown. */
  public static String name(int errno) {
    String[] r = row(errno);
    return r == null ? "errno " + errno : r[1];
  }

  /** "Invalid argument"; "Unknown error 123" when unknown. */
  public static String text(int errno) {
    String[] r = row(errno);
    return r == null ? "Unknown error " + errno : r[2];
  }

  /** "EINVAL (Invalid argument)". */
  public static String describe(int errno) {
    return name(errno) + " (" + text(errno) + ")";
  }

  /** The number for a name such as "EBUSY"; -1 when unknown. */
  public static int byName(String name) {
    for (String[] r : TABLE) {
      if (r[1].equals(name)) {
        return Integer.parseInt(r[0]);
      }
    }
    return -1;
  }
}
