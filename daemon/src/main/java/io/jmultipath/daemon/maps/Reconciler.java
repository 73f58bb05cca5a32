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
import java.util.Set;

/**
 * Brings the kernel in line with planned maps: create missing maps (name = alias, uuid =
 * mpath-&lt;wwid&gt;), rename, reload changed tables (load + resume), leave equal maps alone (adoption
 * without disturbing I/O). Devices whose uuid does not start with "mpath-" are never touched.
 * Each uevent-generating call carries multipath-tools' udev flags ({@link MpathUdevFlags}).
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /**
     * What happened to one planned map; {@code map} is what to print (action prefix set).
     *
     * @param notes       multipath's level-2 messages about the decision ("WWID: rename OLD to NEW", ...)
     * @param loadedTable the table params loaded into the kernel by a create or reload (dry runs too)
     */
    public record Outcome(MapAction action, MultipathMap map, Optional<String> error, List<String> notes,
                          Optional<String> loadedTable) {
        public Outcome {
            notes = List.copyOf(notes);
        }

        public Outcome(MapAction action, MultipathMap map, Optional<String> error) {
            this(action, map, error, List.of(), Optional.empty());
        }
    }

    /** Host setup domap does right before a table is loaded (never in a dry run). */
    public interface BeforeLoad {
        BeforeLoad NONE = new BeforeLoad() {
            @Override
            public void beforeCreate(PlannedMap p) {
            }

            @Override
            public void beforeReload(PlannedMap p, String kernelName) {
            }
        };

        void beforeCreate(PlannedMap p);

        /** {@code kernelName}: the map as the kernel names it now (before a rename). */
        void beforeReload(PlannedMap p, String kernelName);
    }

    private final DeviceMapper dm;
    private final BeforeLoad beforeLoad;

    public Reconciler(DeviceMapper dm) {
        this(dm, BeforeLoad.NONE);
    }

    public Reconciler(DeviceMapper dm, BeforeLoad beforeLoad) {
        this.dm = dm;
        this.beforeLoad = beforeLoad;
    }

    /** Decides and (unless {@code dryRun}) performs the action for every planned map, in order. */
    public List<Outcome> apply(List<PlannedMap> plans, KernelMaps kernel, boolean dryRun, boolean forceReload) {
        List<Outcome> out = new ArrayList<>();
        for (PlannedMap p : plans) {
            out.add(applyOne(p, kernel, dryRun, forceReload));
        }
        return out;
    }

    /**
     * select_action + domap for one map. No map with the WWID: create it (an alias another multipath
     * map holds falls back to the WWID as name). A map exists: rename it when the alias is free,
     * reload it when size, queueing, hardware handler (only over "0": an attached handler is kept),
     * other features, selector, per-path args or the group/path sets differ (or {@code forceReload});
     * if only the kernel's next group differs from the best group, switch groups (switch_group
     * message); otherwise leave it alone (adoption without disturbing I/O).
     */
    public Outcome applyOne(PlannedMap p, KernelMaps kernel, boolean dryRun, boolean forceReload) {
        List<String> notes = new ArrayList<>();
        if (p.rejected()) {
            return new Outcome(MapAction.REJECT, p.map(), Optional.of(p.wwid() + ": map rejected: paths of different sizes"),
                    notes, Optional.empty());
        }
        Optional<KernelMap> existing = kernel.byWwid(p.wwid());
        Optional<KernelMap> holder = kernel.byName(p.name()).filter(m -> !m.wwid().equals(p.wwid()));
        if (existing.isEmpty()) {
            if (holder.isPresent()) {
                notes.add(p.wwid() + ": can't use alias \"" + p.name() + "\" used by " + holder.get().wwid()
                        + ", falling back to WWID");
                return create(p.withName(p.wwid()), kernel, dryRun, notes);
            }
            return create(p, kernel, dryRun, notes);
        }
        KernelMap k = existing.get();
        String name = k.name();
        boolean rename = false;
        if (!name.equals(p.name())) {
            if (holder.isPresent()) {
                notes.add(p.wwid() + ": unable to rename " + name + " to " + p.name() + " (" + p.name()
                        + " is used by " + holder.get().wwid() + ")");
            } else if (!kernel.otherNames().contains(p.name())) {
                rename = true;
                notes.add(p.wwid() + ": rename " + name + " to " + p.name());
            }
        }
        Change change = compare(k, p);
        boolean reload = forceReload || change == Change.RELOAD;
        boolean switchPg = !reload && change == Change.SWITCHPG;
        // force_udev_reload (select_action): a reload forced by the user or a size change is
        // announced to udev as a new activation, not as a reload
        boolean forceUdevReload = forceReload || k.sizeSectors() != p.map().sizeSectors();
        boolean resize = k.sizeSectors() != p.map().sizeSectors();
        MapAction action;
        if (reload) {
            action = resize ? (rename ? MapAction.RESIZE_RENAME : MapAction.RESIZE)
                    : rename ? MapAction.RELOAD_RENAME : MapAction.RELOAD;
        } else if (switchPg) {
            action = rename ? MapAction.SWITCHPG_RENAME : MapAction.SWITCHPG;
        } else {
            action = rename ? MapAction.RENAME : MapAction.NOTHING;
        }
        String finalName = rename ? p.name() : name;
        if (!dryRun) {
            try {
                if (rename) {
                    dm.rename(name, p.name(), MpathUdevFlags.rename(p.settings().skipKpartx()));
                    LOG.info("{}: renamed to {}", name, p.name());
                }
                if (reload) {
                    beforeLoad.beforeReload(p, finalName);
                    dm.load(finalName, p.table().asTable(p.map().sizeSectors()));
                    dm.resume(finalName, MpathUdevFlags.reload(p.settings().skipKpartx(), noUsablePaths(p),
                            forceUdevReload));
                    LOG.info("{}: reloaded ({})", finalName, p.table().format());
                } else if (switchPg) {
                    dm.message(finalName, 0, "switch_group " + p.table().initialPg());
                    LOG.info("{}: switched to path group {}", finalName, p.table().initialPg());
                }
            } catch (DmException e) {
                return new Outcome(MapAction.REJECT, p.map().withAction(MapAction.REJECT),
                        Optional.of(finalName + ": " + e.getMessage()), notes, Optional.empty());
            }
        }
        // what multipath prints is the new map: no dm device info yet (undef, wp=undef), new groups
        // (status undef), but the paths keep the state the kernel map gave them (active / failed)
        MultipathMap shown = withKernelPathStates(p.map().withName(finalName).withAction(action), k);
        return new Outcome(action, shown, Optional.empty(), notes,
                reload ? Optional.of(p.table().format()) : Optional.empty());
    }

    private Outcome create(PlannedMap p, KernelMaps kernel, boolean dryRun, List<String> notes) {
        if (kernel.nameTakenExcept(p.name(), p.wwid())) {
            String err = p.wwid() + ": alias \"" + p.name() + "\" already taken by a non-multipath map";
            LOG.warn("{}", err);
            return new Outcome(MapAction.REJECT, p.map().withAction(MapAction.REJECT), Optional.of(err), notes,
                    Optional.empty());
        }
        if (!dryRun) {
            try {
                    beforeLoad.beforeCreate(p);
                    dm.create(p.name(), KernelMaps.UUID_PREFIX + p.wwid(), p.table().asTable(p.map().sizeSectors()),
                            MpathUdevFlags.create(p.settings().skipKpartx(), noUsablePaths(p)));
                LOG.info("{}: created ({})", p.name(), p.table().format());
            } catch (DmException e) {
                return new Outcome(MapAction.REJECT, p.map().withAction(MapAction.REJECT),
                        Optional.of(p.name() + ": " + e.getMessage()), notes, Optional.empty());
            }
        }
        return new Outcome(MapAction.CREATE, p.map().withAction(MapAction.CREATE), Optional.empty(), notes,
                Optional.of(p.table().format()));
    }

    /**
     * No path up, ghost or pending (count_active_pending_paths == 0): udev is told the map has no
     * usable path (MPATH_UDEV_NO_PATHS_FLAG) and its rules skip scanning it.
     */
    static boolean noUsablePaths(PlannedMap p) {
        return p.map().paths().stream().noneMatch(x -> x.state() == CheckState.UP || x.state() == CheckState.GHOST
                || x.state() == CheckState.PENDING);
    }

    static MultipathMap withKernelPathStates(MultipathMap m, KernelMap k) {
        if (k.status().isEmpty()) {
            return m;
        }
        io.jmultipath.dmctl.MultipathStatus st = k.status().get();
        List<io.jmultipath.daemon.topology.PathGroup> groups = new ArrayList<>();
        for (io.jmultipath.daemon.topology.PathGroup g : m.groups()) {
            groups.add(g.withPaths(g.paths().stream().map(x -> st.path(new io.jmultipath.dmctl.DevT(x.info().major(),
                    x.info().minor())).map(ps -> x.withDm(ps.active() ? io.jmultipath.daemon.topology.DmPathState.ACTIVE
                    : io.jmultipath.daemon.topology.DmPathState.FAILED, ps.failCount())).orElse(x)).toList()));
        }
        return m.withGroups(groups, m.nextPg());
    }

    public static DmMapInfo dmInfo(DmInfo i) {
        return new DmMapInfo(i.dev().minor(), i.readOnly(), i.suspended(), i.openCount());
    }

    /** What select_action concludes from comparing the kernel's map with the planned one. */
    enum Change { NONE, SWITCHPG, RELOAD }

    static boolean sameTable(KernelMap k, PlannedMap p) {
        return compare(k, p) == Change.NONE;
    }

    static Change compare(KernelMap k, PlannedMap p) {
        if (k.table().isEmpty() || k.sizeSectors() != p.map().sizeSectors()) {
            return Change.RELOAD;
        }
        MultipathTable kt = k.table().get();
        MultipathTable pt = p.table();
        boolean npr = p.settings().noPathRetry().isPresent();
        if (npr && kt.features().contains("queue_if_no_path") != pt.features().contains("queue_if_no_path")) {
            return Change.RELOAD;
        }
        if (kt.hwHandler().isEmpty() && !pt.hwHandler().isEmpty()) {
            return Change.RELOAD; // an attached handler (retain_attached_hw_handler) is never replaced
        }
        if (!otherFeatures(kt).equals(otherFeatures(pt))) {
            return Change.RELOAD;
        }
        if (kt.groups().size() != pt.groups().size()) {
            return Change.RELOAD;
        }
        for (PathGroupSpec g : pt.groups()) {
            if (kt.groups().stream().noneMatch(kg -> sameGroup(kg, g))) {
                return Change.RELOAD;
            }
        }
        return kt.initialPg() != pt.initialPg() ? Change.SWITCHPG : Change.NONE;
    }

    private static Set<String> otherFeatures(MultipathTable t) {
        Set<String> f = new HashSet<>(t.features());
        f.remove("queue_if_no_path");
        f.remove("retain_attached_hw_handler");
        return f;
    }

    /**
     * Same selector and the same set of paths, each with the same first path argument (the kernel
     * re-emits selector-specific extra args, e.g. service-time's relative throughput: "8:16 1 1");
     * the order of paths inside a group does not matter (pgcmp / pathcmp).
     */
    static boolean sameGroup(PathGroupSpec k, PathGroupSpec p) {
        if (!k.selector().equals(p.selector()) || k.paths().size() != p.paths().size()) {
            return false;
        }
        for (PathSpec b : p.paths()) {
            String b0 = b.args().isEmpty() ? "" : b.args().get(0);
            boolean found = k.paths().stream().anyMatch(a -> a.dev().equals(b.dev())
                    && (a.args().isEmpty() ? "" : a.args().get(0)).equals(b0));
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
