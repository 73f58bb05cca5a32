package io.jmultipath.daemon.discovery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from sysfs / the udev database for one block device, unparsed (reading is
 * separate from parsing: {@link SysfsReader} fills this, {@link PathInfoParser} decodes it).
 *
 * @param name     kernel name ("sdb")
 * @param sysPath  resolved sysfs path of the block device, relative to /sys
 *                 ("devices/platform/host2/session1/target2:0:0/2:0:0:1/block/sdb")
 * @param attrs    text attributes, keys relative to the block dir ("dev", "size", "ro",
 *                 "device/vendor", ...) or transport keys ("iscsi/targetname", "fc/node_name",
 *                 "fc/port_name", "fc_host/node_name", "fc_host/port_name", "sas/sas_address",
 *                 "nvme/transport", "nvme/model", "nvme/serial", "nvme/firmware_rev", "nvme/cntlid")
 * @param binary   binary attributes ("device/vpd_pg83", "device/vpd_pg80", "device/inquiry")
 * @param holders  names in {@code holders/}
 * @param udevDb   content of /run/udev/data/b&lt;maj&gt;:&lt;min&gt;, if present
 * @param ignored  one line (naming the device) per file that was there but not usable, so left out
 */
public record RawBlockDevice(String name, String sysPath, Map<String, String> attrs,
                             Map<String, byte[]> binary, List<String> holders, Optional<String> udevDb,
                             List<String> ignored) {

    public RawBlockDevice {
        attrs = Map.copyOf(attrs);
        binary = Map.copyOf(binary);
        holders = List.copyOf(holders);
        ignored = List.copyOf(ignored);
    }

    public RawBlockDevice(String name, String sysPath, Map<String, String> attrs,
                          Map<String, byte[]> binary, List<String> holders, Optional<String> udevDb) {
        this(name, sysPath, attrs, binary, holders, udevDb, List.of());
    }

    public Optional<String> attr(String key) {
        return Optional.ofNullable(attrs.get(key));
    }

    public Optional<byte[]> bin(String key) {
        return Optional.ofNullable(binary.get(key));
    }
}
