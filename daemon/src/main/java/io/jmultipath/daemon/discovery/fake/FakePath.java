package io.jmultipath.daemon.discovery.fake;

import java.util.Optional;

/**
 * One simulated SCSI path (a /sys/block/sdX device).
 *
 * @param dev         kernel name ("sdb")
 * @param host        SCSI host number
 * @param channel     channel
 * @param target      target id
 * @param lunId       LUN number
 * @param transport   attachment (decides sysfs ancestry and protocol)
 * @param targetName  iSCSI target IQN / FC target WWNN / SAS address
 * @param lun         the LUN this path leads to
 * @param accessState ALUA access state exposed by scsi_dh_alua ("active/optimized", ...), if any
 * @param preferred   ALUA preferred bit
 * @param tpgId       target port group id reported in VPD 0x83
 * @param state       SCSI device state ("running", "offline", ...)
 */
public record FakePath(String dev, int host, int channel, int target, long lunId, FakeTransport transport,
                       String targetName, FakeLun lun, Optional<String> accessState, boolean preferred,
                       int tpgId, String state) {

    /** Index of an sd name: sda → 0, sdz → 25, sdaa → 26. */
    public static int sdIndex(String dev) {
        if (!dev.startsWith("sd")) {
            throw new IllegalArgumentException("not an sd name: " + dev);
        }
        int n = 0;
        for (char c : dev.substring(2).toCharArray()) {
            n = n * 26 + (c - 'a' + 1);
        }
        return n - 1;
    }

    /** sd name of an index: 0 → sda, 26 → sdaa. */
    public static String sdName(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            n--;
            sb.append((char) ('a' + n % 26));
            n /= 26;
        }
        return "sd" + sb.reverse();
    }

    /** Linux sd major for this device (8, 65-71, 128-135). */
    public int major() {
        int i = (sdIndex(dev) & 0xf0) >> 4;
        if (i == 0) {
            return 8;
        }
        return i < 8 ? 64 + i : 128 + i - 8;
    }

    /** Linux sd minor: ((index &amp; 0xf) &lt;&lt; 4) | (index &amp; 0xfff00). */
    public int minor() {
        int idx = sdIndex(dev);
        return ((idx & 0xf) << 4) | (idx & 0xfff00);
    }

    public String hcil() {
        return host + ":" + channel + ":" + target + ":" + lunId;
    }

    public FakePath withState(String newState) {
        return new FakePath(dev, host, channel, target, lunId, transport, targetName, lun, accessState,
                preferred, tpgId, newState);
    }
}
