package io.jmultipath.daemon.discovery;

/** Transport protocol of a path, named as multipath-tools prints it ({@code %P}, blacklist protocol). */
public enum Protocol {
    SCSI_FCP("scsi:fcp"), SCSI_SPI("scsi:spi"), SCSI_SSA("scsi:ssa"), SCSI_SBP("scsi:sbp"),
    SCSI_SRP("scsi:srp"), SCSI_ISCSI("scsi:iscsi"), SCSI_SAS("scsi:sas"), SCSI_ADT("scsi:adt"),
    SCSI_ATA("scsi:ata"), SCSI_UNSPEC("scsi:unspec"),
    NVME_PCIE("nvme:pcie"), NVME_RDMA("nvme:rdma"), NVME_FC("nvme:fc"), NVME_TCP("nvme:tcp"),
    NVME_LOOP("nvme:loop"), NVME_UNSPEC("nvme:unspec"),
    CCW("ccw"), CCISS("cciss"), UNDEF("undef");

    private static final java.util.regex.Pattern SESSION = java.util.regex.Pattern.compile("session\\d+");
    private static final java.util.regex.Pattern ATA = java.util.regex.Pattern.compile("ata\\d+");

    private final String text;

    Protocol(String text) {
        this.text = text;
    }

    /** "scsi:iscsi", "scsi:fcp", ... */
    public String text() {
        return text;
    }

    /**
     * SCSI transport from the device's sysfs path (relative to /sys): an {@code session*} ancestor
     * is iSCSI, {@code rport-*} FC, {@code end_device-*} SAS, {@code ata*} ATA, an SRP host
     * ({@code srp}) SRP.
     */
    public static Protocol scsiFromSysfsPath(String devicePath) {
        for (String seg : devicePath.split("/")) {
            if (seg.startsWith("rport-")) {
                return SCSI_FCP;
            }
            if (SESSION.matcher(seg).matches()) {
                return SCSI_ISCSI;
            }
            if (seg.startsWith("end_device-")) {
                return SCSI_SAS;
            }
            if (ATA.matcher(seg).matches()) {
                return SCSI_ATA;
            }
            if (seg.startsWith("srp")) {
                return SCSI_SRP;
            }
        }
        return SCSI_UNSPEC;
    }

    /** NVMe transport from the controller's {@code transport} attribute ("tcp", "rdma", "fc", "pcie", "loop"). */
    public static Protocol nvme(String transport) {
        switch (transport == null ? "" : transport.strip()) {
            case "pcie": return NVME_PCIE;
            case "rdma": return NVME_RDMA;
            case "fc": return NVME_FC;
            case "tcp": return NVME_TCP;
            case "loop": return NVME_LOOP;
            default: return NVME_UNSPEC;
        }
    }
}
