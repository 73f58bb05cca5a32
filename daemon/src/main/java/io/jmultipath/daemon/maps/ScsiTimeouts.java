package io.jmultipath.daemon.maps;

import io.jmultipath.config.Resolution;
import io.jmultipath.daemon.discovery.Bus;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.discovery.Protocol;
import io.jmultipath.daemon.host.HostRoot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * sysfs_set_scsi_tmo, run by setup_map for every map: the transport timeouts a map's SCSI paths
 * select (fast_io_fail_tmo, dev_loss_tmo, eh_deadline) are written where the kernel takes them:
 * the FC remote port ({@code fast_io_fail_tmo}, {@code dev_loss_tmo}), the iSCSI session
 * ({@code recovery_tmo} = fast_io_fail_tmo), the SAS end device ({@code I_T_nexus_loss_timeout} =
 * dev_loss_tmo) and the SCSI host ({@code eh_deadline}). The default fast_io_fail_tmo 5 is what
 * makes an FC or iSCSI path fail in seconds instead of after the transport's own minutes.
 *
 * <p>dev_loss_tmo is raised to cover no_path_retry × polling_interval (queueing must not outlive
 * the device); fast_io_fail_tmo is switched off when not smaller than dev_loss_tmo. A value
 * already in place is not written again. Messages carry multipath-tools' levels (0 error … 3 debug).
 */
public final class ScsiTimeouts {
    /** One log line with multipath-tools' verbosity level. */
    public record Note(int level, String text) {}

    /** What one path selected; UNSET, OFF and ZERO as in multipath-tools (MP_FAST_IO_FAIL_*). */
    record Selected(long fastIoFail, long devLoss, long ehDeadline) {}

    static final long UNSET = Long.MIN_VALUE;
    static final long OFF = -1;
    static final long ZERO = -2;
    static final long MAX_DEV_LOSS = 0xFFFFFFFFL;
    static final long DEFAULT_DEV_LOSS = 600;

    private final HostRoot root;
    private final boolean write;
    private final List<Note> notes = new ArrayList<>();

    /** @param write false for a dry run: only the notes, nothing is written */
    public ScsiTimeouts(HostRoot root, boolean write) {
        this.root = root;
        this.write = write;
    }

    /** Applies the timeouts of a planned map's paths as its configuration selects them. */
    public List<Note> apply(PlannedMap pm, SettingsResolver settings) {
        List<DiscoveredPath> infos = pm.map().paths().stream().map(io.jmultipath.daemon.topology.Path::info).toList();
        return apply(pm.map().name(), pm.settings().noPathRetry(), pollingInterval(settings.config()), infos,
                infos.stream().map(settings::resolve).toList());
    }

    static int pollingInterval(io.jmultipath.config.Config config) {
        try {
            int v = Integer.parseInt(config.defaults("polling_interval").value().strip());
            return v > 0 ? v : 5;
        } catch (RuntimeException e) {
            return 5;
        }
    }

    /**
     * Applies the timeouts of one map's paths. {@code noPathRetry} is the map's no_path_retry
     * ("queue", "fail" or a count), {@code pollingInterval} the configured checker interval.
     */
    public List<Note> apply(String map, Optional<String> noPathRetry, int pollingInterval,
                            List<DiscoveredPath> paths, List<Resolution> resolutions) {
        notes.clear();
        long minDevLoss = minDevLoss(noPathRetry, pollingInterval);
        boolean warnDevLoss = false;
        boolean warnFastIoFail = false;
        for (int i = 0; i < paths.size(); i++) {
            DiscoveredPath p = paths.get(i);
            Selected s = select(resolutions.get(i));
            if (s.devLoss() == UNSET && s.fastIoFail() == UNSET && s.ehDeadline() == UNSET) {
                continue;
            }
            if (p.bus() != Bus.SCSI) {
                continue;
            }
            ehDeadline(p, s.ehDeadline());
            if (s.devLoss() == UNSET && s.fastIoFail() == UNSET) {
                continue;
            }
            Protocol proto = p.protocol();
            if (proto != Protocol.SCSI_FCP && proto != Protocol.SCSI_ISCSI && proto != Protocol.SCSI_SAS) {
                note(2, p.dev() + ": setting scsi timeouts is unsupported for protocol " + proto.text());
                continue;
            }
            long devLoss = s.devLoss();
            long fastIoFail = s.fastIoFail();
            if (devLoss != UNSET && devLoss < minDevLoss) {
                devLoss = minDevLoss;
                warnDevLoss = true;
            }
            if (devLoss != UNSET && fastIoFail > 0 && fastIoFail >= devLoss) {
                warnFastIoFail = true;
                fastIoFail = OFF;
            }
            switch (proto) {
                case SCSI_FCP -> rport(p, fastIoFail, devLoss);
                case SCSI_ISCSI -> session(p, fastIoFail, devLoss);
                default -> nexusLoss(p, devLoss);
            }
        }
        if (warnDevLoss) {
            note(2, map + ": Raising dev_loss_tmo to " + minDevLoss + " because of no_path_retry setting");
        }
        if (warnFastIoFail) {
            note(2, map + ": turning off fast_io_fail (not smaller than dev_loss_tmo)");
        }
        return List.copyOf(notes);
    }

    /** no_path_retry N queues for N × polling_interval; "queue" forever: dev_loss_tmo must cover it. */
    static long minDevLoss(Optional<String> noPathRetry, int pollingInterval) {
        if (noPathRetry.isEmpty()) {
            return 0;
        }
        String v = noPathRetry.get();
        if (v.equals("queue")) {
            return MAX_DEV_LOSS;
        }
        try {
            long n = Long.parseLong(v);
            return n > 0 ? Math.min(MAX_DEV_LOSS, n * Math.max(1, pollingInterval)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Selected select(Resolution r) {
        return new Selected(offZero(value(r, "fast_io_fail_tmo")), devLoss(value(r, "dev_loss_tmo")),
                offZero(value(r, "eh_deadline")));
    }

    private static String value(Resolution r, String kw) {
        String v = r.value(kw);
        return v == null ? "" : v.strip();
    }

    private static long offZero(String v) {
        if (v.isEmpty()) {
            return UNSET;
        }
        if (v.equals("off")) {
            return OFF;
        }
        if (v.equals("0")) {
            return ZERO;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return UNSET;
        }
    }

    private static long devLoss(String v) {
        if (v.isEmpty()) {
            return UNSET;
        }
        if (v.equals("infinity")) {
            return MAX_DEV_LOSS;
        }
        try {
            long n = Long.parseLong(v);
            return n > 0 ? n : UNSET;
        } catch (NumberFormatException e) {
            return UNSET;
        }
    }

    private static String text(long tmo) {
        return tmo == OFF ? "off" : tmo == ZERO ? "0" : Long.toString(tmo);
    }

    /** sysfs_set_eh_deadline: not every SCSI driver takes it, so a failure is only a debug note. */
    private void ehDeadline(DiscoveredPath p, long tmo) {
        if (tmo == UNSET || p.hcil().isEmpty()) {
            return;
        }
        String host = "host" + p.hcil().get().host();
        Path dir = root.resolve("/sys/class/scsi_host/" + host);
        if (!Files.isDirectory(dir)) {
            return;
        }
        String v = text(tmo);
        set(dir.resolve("eh_deadline"), v, e -> note(3, host + ": failed to set eh_deadline to " + v + ", error " + e));
    }

    /**
     * sysfs_set_rport_tmo. The kernel limits fast_io_fail_tmo by the current dev_loss_tmo and
     * dev_loss_tmo to 600 without fast_io_fail_tmo, so dev_loss_tmo is first raised above
     * fast_io_fail_tmo if needed, then fast_io_fail_tmo is set, then dev_loss_tmo.
     */
    private void rport(DiscoveredPath p, long fastIoFail, long devLoss) {
        Optional<String> rport = segment(p, "rport-");
        if (rport.isEmpty()) {
            note(1, p.dev() + ": No fc_remote_port device for '" + p.dev() + "'");
            return;
        }
        String id = rport.get();
        Path dir = root.resolve("/sys/class/fc_remote_ports/" + id);
        if (!Files.isDirectory(dir)) {
            note(1, p.dev() + ": No fc_remote_port device for '" + id + "'");
            return;
        }
        Optional<String> current = read(dir.resolve("dev_loss_tmo"));
        if (current.isEmpty()) {
            note(0, id + ": failed to read dev_loss_tmo value");
            return;
        }
        long tmo;
        try {
            tmo = Long.parseLong(current.get());
        } catch (NumberFormatException e) {
            note(0, id + ": Cannot parse dev_loss_tmo attribute '" + current.get() + "'");
            return;
        }
        long devLossNow = devLoss;
        if (fastIoFail > 0) {
            if (fastIoFail >= tmo && !set(dir.resolve("dev_loss_tmo"), Long.toString(fastIoFail + 1),
                    e -> note(0, id + ": failed to set dev_loss_tmo to " + (fastIoFail + 1) + ", error " + e))) {
                return;
            }
        } else if (devLoss != UNSET && devLoss > DEFAULT_DEV_LOSS) {
            note(2, id + ": limiting dev_loss_tmo to " + DEFAULT_DEV_LOSS + ", since fast_io_fail is not set");
            devLossNow = DEFAULT_DEV_LOSS;
        }
        if (fastIoFail != UNSET) {
            String v = text(fastIoFail);
            set(dir.resolve("fast_io_fail_tmo"), v, e -> note(busy(e) ? 3 : 0,
                    busy(e) ? id + ": rport blocked" : id + ": failed to set fast_io_fail_tmo to " + v + ", error " + e));
        }
        if (devLossNow != UNSET) {
            String v = Long.toString(devLossNow);
            set(dir.resolve("dev_loss_tmo"), v, e -> note(busy(e) ? 3 : 0,
                    busy(e) ? id + ": rport blocked" : id + ": failed to set dev_loss_tmo to " + v + ", error " + e));
        }
    }

    /** sysfs_set_session_tmo: iSCSI has no dev_loss_tmo; fast_io_fail_tmo becomes recovery_tmo. */
    private void session(DiscoveredPath p, long fastIoFail, long devLoss) {
        if (devLoss != UNSET) {
            note(3, p.dev() + ": ignoring dev_loss_tmo on iSCSI");
        }
        if (fastIoFail == UNSET) {
            return;
        }
        Optional<String> session = segment(p, "session");
        Path dir = session.map(s -> root.resolve("/sys/class/iscsi_session/" + s)).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            note(1, p.dev() + ": No iscsi session for '" + session.orElse(p.dev()) + "'");
            return;
        }
        if (fastIoFail == OFF) {
            note(3, p.dev() + ": can't switch off fast_io_fail_tmo on iSCSI");
        } else if (fastIoFail == ZERO) {
            note(3, p.dev() + ": can't set fast_io_fail_tmo to '0'on iSCSI");
        } else {
            String v = Long.toString(fastIoFail);
            set(dir.resolve("recovery_tmo"), v, e -> note(3, p.dev() + ": Failed to set recovery_tmo to " + v));
        }
    }

    /** sysfs_set_nexus_loss_tmo: dev_loss_tmo becomes the SAS end device's I_T nexus loss timeout. */
    private void nexusLoss(DiscoveredPath p, long devLoss) {
        Optional<String> end = segment(p, "end_device-");
        Path dir = end.map(s -> root.resolve("/sys/class/sas_end_device/" + s)).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            note(1, p.dev() + ": No SAS end device for '" + end.orElse(p.dev()) + "'");
            return;
        }
        if (devLoss != UNSET) {
            set(dir.resolve("I_T_nexus_loss_timeout"), Long.toString(devLoss),
                    e -> note(3, p.dev() + ": failed to update I_T Nexus loss timeout"));
        }
    }

    /** The nearest ancestor of the device named like "rport-2:0-1", "session3", "end_device-0:1". */
    static Optional<String> segment(DiscoveredPath p, String prefix) {
        String[] seg = p.sysPath().split("/");
        for (int i = seg.length - 1; i >= 0; i--) {
            String s = seg[i];
            if (s.startsWith(prefix) && s.length() > prefix.length()
                    && (!prefix.equals("session") || s.substring(prefix.length()).chars().allMatch(Character::isDigit))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path f) {
        try {
            return Optional.of(Files.readString(f).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean busy(String error) {
        return error.contains("busy");
    }

    /** Writes the value unless it is already there; false (after the failure note) if the write failed. */
    private boolean set(Path f, String value, java.util.function.Consumer<String> onError) {
        if (read(f).filter(value::equals).isPresent() || !write) {
            return true;
        }
        try {
            Files.writeString(f, value);
            return true;
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int colon = why.lastIndexOf(": ");
            onError.accept((colon >= 0 ? why.substring(colon + 2) : why).toLowerCase(java.util.Locale.ROOT));
            return false;
        }
    }

    private void note(int level, String text) {
        notes.add(new Note(level, text));
    }
}
