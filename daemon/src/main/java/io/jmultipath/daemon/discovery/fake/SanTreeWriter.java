package io.jmultipath.daemon.discovery.fake;

import io.jmultipath.daemon.host.HostRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a realistic simulated SAN below a {@link HostRoot}: /sys/block symlinks into
 * /sys/devices/…/H:C:T:L/block/sdX with iSCSI session / FC rport / SAS end_device / ATA ancestry,
 * the SCSI device attributes (vendor, model, rev, state, timeout, wwid, binary vpd_pg80/vpd_pg83,
 * inquiry, access_state/preferred_path/dh_state), /sys/dev/block links, /dev nodes (regular files),
 * optional udev database entries, and /etc/multipath files. Used by tests, benchmarks and
 * {@code jmultipathd --demo}.
 */
public final class SanTreeWriter {

    private final HostRoot root;

    public SanTreeWriter(HostRoot root) {
        this.root = root;
    }

    public HostRoot root() {
        return root;
    }

    /** Writes every path; {@code udevDb} also writes /run/udev/data entries with ID_SERIAL. */
    public void write(List<FakePath> paths, boolean udevDb) {
        for (FakePath p : paths) {
            writePath(p, udevDb);
        }
    }

    /** sysfs path (relative to /sys) of the H:C:T:L device directory of a path. */
    public static String scsiDeviceDir(FakePath p) {
        int h = p.host();
        String tgt = "target" + h + ":" + p.channel() + ":" + p.target();
        switch (p.transport()) {
            case ISCSI:
                return "devices/platform/host" + h + "/session" + h + "/" + tgt + "/" + p.hcil();
            case FC:
                return "devices/pci0000:00/" + pci(h) + "/host" + h + "/rport-" + h + ":" + p.channel() + "-"
                        + p.target() + "/" + tgt + "/" + p.hcil();
            case SAS:
                return "devices/pci0000:00/" + pci(h) + "/host" + h + "/port-" + h + ":0/end_device-" + h + ":0/"
                        + tgt + "/" + p.hcil();
            case ATA:
                return "devices/pci0000:00/0000:00:1f.2/ata" + (h + 1) + "/host" + h + "/" + tgt + "/" + p.hcil();
            default:
                return "devices/pseudo_0/adapter0/host" + h + "/" + tgt + "/" + p.hcil();
        }
    }

    private static String pci(int host) {
        return String.format("0000:%02x:00.0", host + 1);
    }

    public void writePath(FakePath p, boolean udevDb) {
        try {
            Path sys = root.sys();
            String devDir = scsiDeviceDir(p);
            Path dev = sys.resolve(devDir);
            FakeLun lun = p.lun();
            text(dev.resolve("vendor"), String.format("%-8s", lun.vendor()));
            text(dev.resolve("model"), String.format("%-16s", lun.product()));
            text(dev.resolve("rev"), String.format("%-4s", lun.revision()));
            text(dev.resolve("state"), p.state());
            text(dev.resolve("timeout"), "30");
            text(dev.resolve("type"), "0");
            text(dev.resolve("wwid"), Vpd83Encoder.sysfsWwid(lun.wwid()));
            bin(dev.resolve("vpd_pg83"), lun.alua() ? Vpd83Encoder.page83(lun.wwid(), p.tpgId(), p.host() + 1)
                    : Vpd83Encoder.page83(Vpd83Encoder.lunDesignator(lun.wwid())));
            bin(dev.resolve("vpd_pg80"), Vpd83Encoder.page80(lun.serial()));
            bin(dev.resolve("inquiry"), Vpd83Encoder.inquiry(lun.vendor(), lun.product(), lun.revision(),
                    lun.alua() ? 1 : 0));
            text(dev.resolve("dh_state"), lun.alua() ? "alua" : "detached");
            if (lun.alua() && p.accessState().isPresent()) {
                text(dev.resolve("access_state"), p.accessState().get());
                text(dev.resolve("preferred_path"), p.preferred() ? "1" : "0");
            }
            writeTransport(p, devDir);
            String blockRel = devDir + "/block/" + p.dev();
            Path block = sys.resolve(blockRel);
            text(block.resolve("dev"), p.major() + ":" + p.minor());
            text(block.resolve("size"), Long.toString(lun.sizeSectors()));
            text(block.resolve("ro"), "0");
            text(block.resolve("removable"), "0");
            text(block.resolve("queue/max_sectors_kb"), "1280");
            Files.createDirectories(block.resolve("holders"));
            link(block.resolve("device"), "../../../" + p.hcil());
            link(sys.resolve("block").resolve(p.dev()), "../" + blockRel);
            link(sys.resolve("dev/block").resolve(p.major() + ":" + p.minor()), "../../" + blockRel);
            Path node = root.dev().resolve(p.dev());
            Files.createDirectories(node.getParent());
            if (!Files.exists(node)) {
                Files.createFile(node);
            }
            if (udevDb) {
                text(root.udevData().resolve("b" + p.major() + ":" + p.minor()), udevEntry(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing simulated path " + p.dev(), e);
        }
    }

    private void writeTransport(FakePath p, String devDir) throws IOException {
        Path sys = root.sys();
        int h = p.host();
        String[] seg = devDir.split("/");
        String tgtDir = devDir.substring(0, devDir.lastIndexOf('/'));
        String tgt = seg[seg.length - 2];
        String hostDir = devDir.substring(0, devDir.indexOf("/host" + h + "/") + ("/host" + h).length());
        classDevice("scsi_host", "host" + h, hostDir + "/scsi_host/host" + h, "eh_deadline", "off");
        switch (p.transport()) {
            case ISCSI:
                String session = "devices/platform/host" + h + "/session" + h + "/iscsi_session/session" + h;
                text(sys.resolve(session + "/targetname"), p.targetName());
                classDevice("iscsi_session", "session" + h, session, "recovery_tmo", "120");
                break;
            case FC:
                String rportParent = tgtDir.substring(0, tgtDir.lastIndexOf('/'));
                String rport = rportParent.substring(rportParent.lastIndexOf('/') + 1);
                String rportDir = rportParent + "/fc_remote_ports/" + rport;
                classDevice("fc_remote_ports", rport, rportDir, "dev_loss_tmo", "30");
                classDevice("fc_remote_ports", rport, rportDir, "fast_io_fail_tmo", "off");
                text(sys.resolve(tgtDir + "/fc_transport/" + tgt + "/node_name"), p.targetName());
                text(sys.resolve(tgtDir + "/fc_transport/" + tgt + "/port_name"),
                        "0x2" + p.targetName().substring(3));
                text(root.resolve("/sys/class/fc_host/host" + h + "/node_name"), String.format("0x20000000c9%06x", h));
                text(root.resolve("/sys/class/fc_host/host" + h + "/port_name"), String.format("0x10000000c9%06x", h));
                break;
            case SAS:
                String ed = "end_device-" + h + ":0";
                String edDir = tgtDir.substring(0, tgtDir.lastIndexOf('/'));
                text(sys.resolve(edDir + "/sas_device/" + ed + "/sas_address"), p.targetName());
                classDevice("sas_end_device", ed, edDir + "/sas_end_device/" + ed, "I_T_nexus_loss_timeout", "2000");
                break;
            default:
                break;
        }
    }

    private static String udevEntry(FakePath p) {
        FakeLun l = p.lun();
        return "S:disk/by-id/scsi-" + l.wwid() + "\n"
                + "E:ID_VENDOR=" + l.vendor() + "\n"
                + "E:ID_MODEL=" + l.product() + "\n"
                + "E:ID_REVISION=" + l.revision() + "\n"
                + "E:ID_SERIAL=" + l.wwid() + "\n"
                + "E:ID_SERIAL_SHORT=" + l.wwid().substring(1) + "\n"
                + "E:ID_BUS=scsi\n"
                + "E:DEVTYPE=disk\n"
                + "E:SCSI_IDENT_LUN_NAA_REGEXT=" + l.wwid().substring(1) + "\n";
    }

    /** Changes the SCSI device state ("offline", "running") of a written path. */
    public void setState(FakePath p, String state) {
        text(root.sys().resolve(scsiDeviceDir(p)).resolve("state"), state);
    }

    /** Changes the ALUA access state of a written path. */
    public void setAccessState(FakePath p, String accessState) {
        text(root.sys().resolve(scsiDeviceDir(p)).resolve("access_state"), accessState);
    }

    /** Removes a path as the kernel would on device deletion. */
    public void removePath(FakePath p) {
        try {
            Files.deleteIfExists(root.sysBlock().resolve(p.dev()));
            Files.deleteIfExists(root.resolve("/sys/dev/block/" + p.major() + ":" + p.minor()));
            Files.deleteIfExists(root.dev().resolve(p.dev()));
            Files.deleteIfExists(root.udevData().resolve("b" + p.major() + ":" + p.minor()));
            deleteTree(root.sys().resolve(scsiDeviceDir(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("removing simulated path " + p.dev(), e);
        }
    }

    /** A local non-multipath disk (e.g. the boot disk on ATA). */
    public void writeLocalDisk(String dev, int host, String vendor, String product, String wwid) {
        FakeLun l = new FakeLun(wwid, vendor, product, "1.0", 2 * 1024 * 1024 * 20L, "LOCAL" + host, false);
        writePath(new FakePath(dev, host, 0, 0, 0, FakeTransport.ATA, "", l, java.util.Optional.empty(),
                false, 0, "running"), false);
    }

    public void writeConfig(String text) {
        text(root.multipathConf(), text);
    }

    public void writeWwids(List<String> wwids) {
        StringBuilder sb = new StringBuilder("# Multipath wwids, Version : 1.0\n"
                + "# NOTE: This file is automatically maintained by multipath and multipathd.\n"
                + "# You should not need to edit this file in normal circumstances.\n#\n# Valid WWIDs:\n");
        for (String w : wwids) {
            sb.append('/').append(w).append("/\n");
        }
        text(root.wwidsFile(), sb.toString());
    }

    public void writeBindings(String content) {
        text(root.bindingsFile(), content);
    }

    /** Creates /dev/mapper (without control: there is no device-mapper in a simulated tree). */
    public void writeDevMapperDir() {
        try {
            Files.createDirectories(root.resolve("/dev/mapper"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A transport class device (/sys/class/CLASS/NAME linking to its directory below devices/)
     * with one attribute at its initial value; an attribute already written (by the daemon, or an
     * earlier path on the same port) is left as it is.
     */
    private void classDevice(String cls, String name, String dir, String attr, String initial) throws IOException {
        Path sys = root.sys();
        Path f = sys.resolve(dir).resolve(attr);
        if (!Files.exists(f)) {
            text(f, initial);
        }
        Path link = sys.resolve("class").resolve(cls).resolve(name);
        if (!Files.isSymbolicLink(link)) {
            link(link, "../../" + dir);
        }
    }

    private static void text(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content.endsWith("\n") ? content : content + "\n", StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + p, e);
        }
    }

    private static void bin(Path p, byte[] b) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, b);
    }

    private static void link(Path link, String target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(target));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
