package io.jmultipath.daemon.discovery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A block device as discovered from sysfs: identity, geometry, transport, ALUA facts and WWID.
 * Immutable; runtime state (checker, priority, dm state) lives in {@code topology.Path}.
 */
public record DiscoveredPath(String dev, int major, int minor, Bus bus, Protocol protocol,
                             Optional<Hcil> hcil, long sizeSectors, boolean readOnly,
                             String vendor, String product, String revision, Optional<String> serial,
                             Optional<String> wwid, WwidSource wwidSource, Candidates candidates,
                             Transport transport, Alua alua, Optional<String> sysfsState,
                             Optional<Integer> timeoutSeconds, List<String> holders,
                             Map<String, String> udevProperties, String sysPath) {

    /** WWID candidates besides the udev property: VPD 0x83 and the sysfs {@code wwid} attribute. */
    public record Candidates(Optional<String> vpd83, Optional<String> sysfsWwid) {
        public static final Candidates NONE = new Candidates(Optional.empty(), Optional.empty());
    }

    /** Transport identity: target node name (iSCSI target name / FC WWNN / SAS address) and FC port names. */
    public record Transport(Optional<String> targetNodeName, Optional<String> targetPortName,
                            Optional<String> hostNodeName, Optional<String> hostPortName,
                            Optional<String> hostAdapter) {
        public static final Transport NONE = new Transport(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DiscoveredPath {
        holders = List.copyOf(holders);
        udevProperties = Map.copyOf(udevProperties);
    }

    /** "8:16" */
    public String devT() {
        return major + ":" + minor;
    }

    public DiscoveredPath withWwid(Optional<String> newWwid, WwidSource source) {
        return new DiscoveredPath(dev, major, minor, bus, protocol, hcil, sizeSectors, readOnly, vendor,
                product, revision, serial, newWwid, source, candidates, transport, alua, sysfsState,
                timeoutSeconds, holders, udevProperties, sysPath);
    }

    /**
     * Picks the WWID multipath-tools would use (get_uid): the uid_attribute udev property when the
     * udev database has a non-empty one; else, only if uid_attribute is the standard one for the bus
     * (ID_SERIAL for SCSI, ID_WWN for NVMe, ID_UID for DASD) or "" (udev lookup off), the direct
     * fallback: VPD page 0x83, then the sysfs {@code wwid} attribute. A non-standard uid_attribute
     * without its property gives no WWID (falling back could merge devices udev tells apart).
     * Trailing blanks are stripped; at most 127 characters are kept; a value with control
     * characters (a corrupt udev database) is no WWID.
     */
    public DiscoveredPath resolveWwid(String uidAttribute) {
        if (uidAttribute == null) {
            return withWwid(Optional.empty(), WwidSource.NONE);
        }
        if (!uidAttribute.isEmpty()) {
            String fromUdev = udevProperties.get(uidAttribute);
            if (fromUdev != null && !fromUdev.isEmpty()) {
                String w = Vpd.stripTrailingBlanks(fromUdev.length() > Vpd.WWID_MAX
                        ? fromUdev.substring(0, Vpd.WWID_MAX) : fromUdev);
                return withWwid(Optional.of(w).filter(Vpd::usableWwid), WwidSource.UDEV);
            }
            if (!uidAttribute.equals(standardUidAttribute(bus))) {
                return withWwid(Optional.empty(), WwidSource.NONE);
            }
        }
        if (candidates.vpd83().isPresent()) {
            return withWwid(candidates.vpd83(), WwidSource.VPD83);
        }
        if (candidates.sysfsWwid().isPresent()) {
            return withWwid(candidates.sysfsWwid(), WwidSource.SYSFS_WWID);
        }
        return withWwid(Optional.empty(), WwidSource.NONE);
    }

    /** The compiled-in uid_attribute of a bus (DEFAULT_UID_ATTRIBUTE, DEFAULT_NVME_UID_ATTRIBUTE, DEFAULT_DASD_UID_ATTRIBUTE). */
    public static String standardUidAttribute(Bus bus) {
        switch (bus) {
            case NVME: return "ID_WWN";
            case CCW: return "ID_UID";
            default: return "ID_SERIAL";
        }
    }
}
