package io.jmultipath.daemon.discovery.fake;

/**
 * A LUN of the simulated SAN.
 *
 * @param wwid        the WWID multipath should derive ("36001405…" NAA, "2…" EUI-64, "1…" T10, "8…" name)
 * @param vendor      INQUIRY vendor ("LIO-ORG", "HUAWEI")
 * @param product     INQUIRY product ("disk", "XSG1")
 * @param revision    INQUIRY revision ("4.0")
 * @param sizeSectors size in 512-byte sectors
 * @param serial      unit serial number (VPD 0x80)
 * @param alua        whether the LUN reports TPGS (implicit ALUA) and has scsi_dh_alua attached
 */
public record FakeLun(String wwid, String vendor, String product, String revision, long sizeSectors,
                      String serial, boolean alua) {

    public static FakeLun lio(String wwid, long sizeSectors) {
        return new FakeLun(wwid, "LIO-ORG", "disk", "4.0", sizeSectors, wwid.substring(Math.max(1, wwid.length() - 24)), true);
    }
}
