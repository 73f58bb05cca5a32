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
     * Picks the WWID multipath-tools would use: the uid_attribute udev property when the udev
     * database has it, else VPD page 0x83, else the sysfs {@code wwid} attribute.
     */
    public DiscoveredPath resolveWwid(String uidAttribute) {
        String fromUdev = uidAttribute == null || uidAttribute.isEmpty() ? null : udevProperties.get(uidAttribute);
        if (fromUdev != null && !fromUdev.isBlank()) {
            return withWwid(Optional.of(fromUdev.strip()), WwidSource.UDEV);
        }
        if (candidates.vpd83().isPresent()) {
            return withWwid(candidates.vpd83(), WwidSource.VPD83);
        }
        if (candidates.sysfsWwid().isPresent()) {
            return withWwid(candidates.sysfsWwid(), WwidSource.SYSFS_WWID);
        }
        return withWwid(Optional.empty(), WwidSource.NONE);
    }
}
