package io.jmultipath.dmctl;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks done before any ioctl: names, uuids, tables (the kernel would refuse them less clearly). */
public final class DmNames {
  private DmNames() {}

  /** Throws a DmException (no errno) if {@code name} is not a valid dm device name. */
  public static void checkName(String operation, String name) {
    if (name == null || name.isEmpty()) {
      throw DmException.invalid(operation, null, "empty device name");
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > 127) {
      throw DmException.invalid(operation, shorten(name), "device name is " + bytes + " bytes long (max 127)");
    }
    if (name.indexOf('/') >= 0) {
      throw DmException.invalid(operation, name, "device name must not contain '/'");
    }
    if (name.equals(".") || name.equals("..") || name.equals("control")) {
      throw DmException.invalid(operation, name, "reserved device name");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isWhitespace(name.charAt(i)) || Character.isISOControl(name.charAt(i))) {
        throw DmException.invalid(operation, name, "device name must not contain whitespace or control characters");
      }
    }
  }

  public static void checkUuid(String operation, String name, String uuid) {
    if (uuid == null || uuid.isEmpty()) {
      return;
    }
    int bytes = uuid.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > 128) {
      throw DmException.invalid(operation, name, "uuid is " + bytes + " bytes long (max 128)");
    }
    for (int i = 0; i < uuid.length(); i++) {
      if (Character.isWhitespace(uuid.charAt(i)) || Character.isISOControl(uuid.charAt(i))) {
        throw DmException.invalid(operation, name, "uuid must not contain whitespace or control characters");
      }
    }
  }

  /** Structural table checks: non-empty type <= 15 bytes, positive lengths, contiguous from 0. */
  public static void checkTable(String operation, String name, List<DmTarget> table) {
    long next = 0;
    for (DmTarget t : table) {
      if (t.type().isEmpty() || t.type().getBytes(StandardCharsets.UTF_8).length > 15
          || t.type().chars().anyMatch(Character::isWhitespace)) {
        throw DmException.invalid(operation, name, "invalid target type '" + t.type() + "'");
      }
      if (t.length() <= 0) {
        throw DmException.invalid(operation, name, "target '" + t.line() + "' has zero length");
      }
      if (t.start() != next) {
        throw DmException.invalid(operation, name, "target '" + t.line() + "' does not start at sector " + next
            + " (targets must be contiguous from 0)");
      }
      if (t.params().indexOf('\0') >= 0 || t.params().indexOf('\n') >= 0) {
        throw DmException.invalid(operation, name, "target params contain a NUL or newline");
      }
      next = t.start() + t.length();
      if (t.type().equals(MultipathTable.TARGET_TYPE)) {
        try {
          MultipathTable.parse(t.params());
        } catch (IllegalArgumentException e) {
          throw DmException.invalid(operation, name, e.getMessage());
        }
      }
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
