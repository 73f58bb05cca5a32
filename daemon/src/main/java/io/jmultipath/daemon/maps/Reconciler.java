package io.jmultipath.daemon.maps;

import io.jmultipath.checker.CheckState;
import io.jmultipath.daemon.topology.DmMapInfo;
import io.jmultipath.daemon.topology.MapAction;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.DmInfo;
import io.jmultipath.dmctl.MpathUdevFlags;
import io.jmultipath.dmctl.MultipathTable;
import io.jmultipath.dmctl.PathGroupSpec;
import io.jmultipath.dmctl.PathSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Brings the kernel in line with planned maps: create missing maps (name = alias, uuid =
 * mpath-&lt;wwid&gt;), rename, reload changed tables (load + resume), leave equal maps alone (adoption
 * without disturbing I/O). Devices whose uuid does not start with "mpath-" are never touched.
 * Each uevent-generating call carries multipath-tools' udev flags ({@link MpathUdevFlags}).
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /** What happened to one planned map; {@code map} is what to print (action prefix set). */
    public record Outcome(MapAction action, MultipathMap map, Optional<String> error) {}

    private final DeviceMapper dm;

    public Reconciler(DeviceMapper dm) {
        this.dm = dm;
    }

    /** Decides and (unless {@code dryRun}) performs the action for every planned map, in order. */
    public List<Outcome> apply(List<PlannedMap> plans, KernelMaps kernel, boolean dryRun, boolean forceReload) {
        List<Outcome> out = new ArrayList<>();
        for (PlannedMap p : plans) {
            out.add(applyOne(p, kernel, dryRun, forceReload));
        }
        return out;
    }

    public Outcome applyOne(PlannedMap p, KernelMaps kernel, boolean dryRun, boolean forceReload) {
        Optional<KernelMap> existing = kernel.byWwid(p.wwid());
        if (existing.isEmpty()) {
            if (kernel.namesTakenExcept(p.wwid()).contains(p.name())) {
                String err = p.name() + ": name already in use by another device-mapper device";
                LOG.warn("{}", err);
                return new Outcome(MapAction.REJECT, p.map().withAction(MapAction.REJECT), Optional.of(err));
            }
            if (!dryRun) {
                try {
                    dm.create(p.name(), KernelMaps.UUID_PREFIX + p.wwid(), p.table().asTable(p.map().sizeSectors()),
                            MpathUdevFlags.create(p.settings().skipKpartx(), noUsablePaths(p)));
                    LOG.info("{}: created ({})", p.name(), p.table().format());
                } catch (DmException e) {
                    return new Outcome(MapAction.REJECT, p.map().withAction(MapAction.REJECT),
                            Optional.of(p.name() + ": " + e.getMessage()));
                }
            }
            return new Outcome(MapAction.CREATE, p.map().withAction(MapAction.CREATE), Optional.empty());
        }
        KernelMap k = existing.get();
        String name = k.name();
        boolean rename = !name.equals(p.name()) && !kernel.namesTakenExcept(p.wwid()).contains(p.name());
        boolean reload = forceReload || !sameTable(k, p);
        // force_udev_reload (select_action): a reload forced by the user or a size change is
        // announced to udev as a new activation, not as a reload
        boolean forceUdevReload = forceReload || k.sizeSectors() != p.map().sizeSectors();
        MapAction action = reload ? MapAction.RELOAD : rename ? MapAction.RENAME : MapAction.NOTHING;
        String finalName = rename ? p.name() : name;
        if (!dryRun) {
            try {
                if (rename) {
                    dm.rename(name, p.name(), MpathUdevFlags.rename(p.settings().skipKpartx()));
                    LOG.info("{}: renamed to {}", name, p.name());
                }
                if (reload) {
                    dm.load(finalName, p.table().asTable(p.map().sizeSectors()));
                    dm.resume(finalName, MpathUdevFlags.reload(p.settings().skipKpartx(), noUsablePaths(p),
                            forceUdevReload));
                    LOG.info("{}: reloaded ({})", finalName, p.table().format());
                }
            } catch (DmException e) {
                return new Outcome(MapAction.REJECT, p.map().withAction(MapAction.REJECT),
                        Optional.of(finalName + ": " + e.getMessage()));
            }
        }
        MultipathMap shown = p.map().withName(finalName).withAction(action).withDm(Optional.of(dmInfo(k.info())));
        return new Outcome(action, shown, Optional.empty());
    }

    /**
     * No path up, ghost or pending (count_active_pending_paths == 0): udev is told the map has no
     * usable path (MPATH_UDEV_NO_PATHS_FLAG) and its rules skip scanning it.
     */
    static boolean noUsablePaths(PlannedMap p) {
        return p.map().paths().stream().noneMatch(x -> x.state() == CheckState.UP || x.state() == CheckState.GHOST
                || x.state() == CheckState.PENDING);
    }

    public static DmMapInfo dmInfo(DmInfo i) {
        return new DmMapInfo(i.dev().minor(), i.readOnly(), i.suspended(), i.openCount());
    }

    /** Same size, feature set, hardware handler (when we set one) and groups/paths/args. */
    static boolean sameTable(KernelMap k, PlannedMap p) {
        if (k.table().isEmpty() || k.sizeSectors() != p.map().sizeSectors()) {
            return false;
        }
        MultipathTable kt = k.table().get();
        MultipathTable pt = p.table();
        if (!new HashSet<>(kt.features()).equals(new HashSet<>(pt.features()))) {
            return false;
        }
        if (!pt.hwHandler().isEmpty() && !kt.hwHandler().equals(pt.hwHandler())) {
            return false;
        }
        if (kt.groups().size() != pt.groups().size()) {
            return false;
        }
        for (int g = 0; g < kt.groups().size(); g++) {
            if (!sameGroup(kt.groups().get(g), pt.groups().get(g))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Same selector and paths in the same order with the same first path argument (the kernel
     * re-emits selector-specific extra args, e.g. service-time's relative throughput: "8:16 1 1").
     */
    static boolean sameGroup(PathGroupSpec k, PathGroupSpec p) {
        if (!k.selector().equals(p.selector()) || k.paths().size() != p.paths().size()) {
            return false;
        }
        for (int i = 0; i < k.paths().size(); i++) {
            PathSpec a = k.paths().get(i);
            PathSpec b = p.paths().get(i);
            if (!a.dev().equals(b.dev())) {
                return false;
            }
            String a0 = a.args().isEmpty() ? "" : a.args().get(0);
            String b0 = b.args().isEmpty() ? "" : b.args().get(0);
            if (!a0.equals(b0)) {
                return false;
            }
        }
        return true;
    }
}
