package io.jmultipath.dmctl;

import java.util.Optional;

/**
 * A uevent the (emulated) device-mapper kernel emitted for a map: "add" on DM_DEV_CREATE (no
 * cookie), "change" on a resume that activated a table or left the suspended state and on
 * DM_DEV_RENAME, "remove" on DM_DEV_REMOVE. {@code cookie} is the DM_COOKIE the kernel puts in
 * the event (the caller's event_nr), empty when the call carried none.
 *
 * @param seq    sequence number in the emulated kernel (increasing)
 * @param name   the map's name after the operation (the new name for a rename)
 */
public record DmUevent(long seq, Action action, String name, DevT dev, Optional<UdevFlags> cookie) {
  public enum Action {
    ADD, CHANGE, REMOVE;

    /** The kernel's ACTION value: "add", "change", "remove". */
    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Action parse(String s) {
      return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** "7 change mpatha 253:0 DM_COOKIE=6291456 DISABLE_LIBRARY_FALLBACK|PRIMARY_SOURCE" */
  public String line() {
    return seq + " " + action.text() + " " + name + " " + dev
        + cookie.map(c -> " DM_COOKIE=" + Integer.toUnsignedString(c.toCookie()) + " " + c).orElse("");
  }
}
