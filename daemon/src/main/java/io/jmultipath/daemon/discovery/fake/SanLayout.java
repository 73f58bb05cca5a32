package io.jmultipath.daemon.discovery.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generates simulated SAN layouts: LUNs reachable over several ports (one SCSI host per port),
 * sd names handed out in kernel scan order (port by port, LUN by LUN).
 */
public final class SanLayout {

    private final List<FakePath> paths = new ArrayList<>();
    private int nextSd;

    /** @param firstSdIndex index of the first sd name to hand out (0 = sda; 1 leaves sda to a local disk) */
    public SanLayout(int firstSdIndex) {
        this.nextSd = firstSdIndex;
    }

    public String nextDev() {
        return FakePath.sdName(nextSd++);
    }

    public SanLayout add(FakePath p) {
        paths.add(p);
        nextSd = Math.max(nextSd, FakePath.sdIndex(p.dev()) + 1);
        return this;
    }

    /**
     * Adds {@code luns} reachable over {@code ports} ports of the given transport, hosts
     * {@code firstHost..}, LUN numbers 1..n (LUN 0 is often the controller). With ALUA LUNs,
     * port 0 (and every even port) is active/optimized in TPG 1, odd ports active/non-optimized in TPG 2.
     */
    public SanLayout ports(List<FakeLun> luns, int ports, int firstHost, FakeTransport transport) {
        for (int port = 0; port < ports; port++) {
            int host = firstHost + port;
            for (int i = 0; i < luns.size(); i++) {
                FakeLun lun = luns.get(i);
                boolean optimized = port % 2 == 0;
                Optional<String> access = lun.alua()
                        ? Optional.of(optimized ? "active/optimized" : "active/non-optimized") : Optional.empty();
                paths.add(new FakePath(nextDev(), host, 0, 0, i + 1L, transport, targetName(transport, host),
                        lun, access, false, optimized ? 1 : 2, "running"));
            }
        }
        return this;
    }

    static String targetName(FakeTransport t, int host) {
        switch (t) {
            case ISCSI: return "iqn.2003-01.org.linux-iscsi.target.x8664:sn.0123456789ab";
            case FC: return String.format("0x2000000024ff%06x", host % 2);
            case SAS: return String.format("0x500605b0000272%02x", host % 2);
            default: return "";
        }
    }

    public List<FakePath> paths() {
        return List.copyOf(paths);
    }

    /** A LIO LUN with a deterministic NAA WWID derived from {@code n}. */
    public static FakeLun lioLun(int n, long sizeSectors) {
        return FakeLun.lio(String.format("36001405%025x", 0xabc000000L + n), sizeSectors);
    }

    /** A Huawei OceanStor Dorado LUN (vendor HUAWEI, product XSG1). */
    public static FakeLun huaweiLun(int n, long sizeSectors) {
        String wwid = String.format("36c4a1b2100d4e5f60a1b2c3d%08x", n);
        return new FakeLun(wwid, "HUAWEI", "XSG1", "6000", sizeSectors, "2102351234" + String.format("%08d", n), true);
    }
}
