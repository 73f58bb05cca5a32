package io.jmultipath.daemon.uevent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One kernel/udev event: action ("add", "remove", "change" …), devpath ("/devices/…/block/sdb")
 * and the KEY=VALUE environment in arrival order (ACTION, DEVPATH, SUBSYSTEM, DEVNAME,
 * DEVTYPE, SEQNUM, MAJOR, MINOR, and udev properties such as ID_SERIAL, DM_UUID …).
 */
public record Uevent(String action, String devpath, Map<String, String> env, Origin origin) {

    /** Where an event came from. */
    public enum Origin { KERNEL, UDEV, REPLAY, SYNTHETIC }

    public Uevent {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    public static Uevent of(String action, String devpath, Map<String, String> extra, Origin origin) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("ACTION", action);
        e.put("DEVPATH", devpath);
        e.putAll(extra);
        return new Uevent(action, devpath, e, origin);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(env.get(key));
    }

    public Optional<String> subsystem() {
        return get("SUBSYSTEM");
    }

    public Optional<String> devtype() {
        return get("DEVTYPE");
    }

    /** Kernel name: DEVNAME without "/dev/", else the last devpath component ("sdb", "dm-0"). */
    public String kernel() {
        String dn = env.get("DEVNAME");
        if (dn != null && !dn.isEmpty()) {
            return dn.startsWith("/dev/") ? dn.substring(5) : dn;
        }
        int i = devpath.lastIndexOf('/');
        return i >= 0 ? devpath.substring(i + 1) : devpath;
    }

    public boolean isDm() {
        return kernel().startsWith("dm-");
    }

    public Optional<Long> seqnum() {
        try {
            return get("SEQNUM").map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "MAJOR:MINOR" when both are present. */
    public Optional<String> devt() {
        String ma = env.get("MAJOR");
        String mi = env.get("MINOR");
        return ma != null && mi != null ? Optional.of(ma + ":" + mi) : Optional.empty();
    }

    @Override
    public String toString() {
        return action + "@" + devpath;
    }
}
