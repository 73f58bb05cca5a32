package io.jmultipath.daemon.discovery;

/** Device bus, from the kernel name like multipath-tools does ("sd" SCSI, "dasd" CCW, "nvme" NVMe). */
public enum Bus {
    SCSI, CCW, NVME, UNDEF;

    public static Bus fromDevName(String dev) {
        if (dev.startsWith("sd")) {
            return SCSI;
        }
        if (dev.startsWith("dasd")) {
            return CCW;
        }
        if (dev.startsWith("nvme")) {
            return NVME;
        }
        return UNDEF;
    }
}
