package io.jmultipath.daemon.maps;

import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DmDevice;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.DmInfo;
import io.jmultipath.dmctl.DmTarget;
import io.jmultipath.dmctl.MultipathStatus;
import io.jmultipath.dmctl.MultipathTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the kernel has: multipath maps (uuid "mpath-&lt;wwid&gt;", read back with table + status) and
 * the names of every other device-mapper device (never touched, but their names are taken).
 */
public final class KernelMaps {

    private static final Logger LOG = LoggerFactory.getLogger(KernelMaps.class);
    public static final String UUID_PREFIX = "mpath-";

    private final List<KernelMap> maps;
    private final Set<String> otherNames;
    private final java.util.Map<String, KernelMap> byWwid = new java.util.HashMap<>();
    private final java.util.Map<String, KernelMap> byName = new java.util.HashMap<>();

    public KernelMaps(List<KernelMap> maps, Set<String> otherNames) {
        this.maps = List.copyOf(maps);
        this.otherNames = Set.copyOf(otherNames);
        for (KernelMap m : this.maps) {
            byWwid.putIfAbsent(m.wwid(), m);
            byName.putIfAbsent(m.name(), m);
        }
    }

    /** Multipath maps by name. */
    public List<KernelMap> maps() {
        return maps;
    }

    /** Names of the device-mapper devices that are not multipath maps. */
    public Set<String> otherNames() {
        return otherNames;
    }

    public static KernelMaps read(DeviceMapper dm) {
        List<KernelMap> maps = new ArrayList<>();
        Set<String> others = new TreeSet<>();
        for (DmDevice d : dm.list()) {
            String uuid = d.uuid().orElse(null);
            if (uuid == null) {
                uuid = dm.info(d.name()).flatMap(DmInfo::uuid).orElse("");
            }
            if (!uuid.startsWith(UUID_PREFIX) || uuid.length() == UUID_PREFIX.length()) {
                others.add(d.name());
                continue;
            }
            try {
                readOne(dm, d.name(), uuid.substring(UUID_PREFIX.length())).ifPresent(maps::add);
            } catch (DmException e) {
                LOG.warn("{}: cannot read map: {}", d.name(), e.getMessage());
            }
        }
        maps.sort(Comparator.comparing(KernelMap::name));
        return new KernelMaps(maps, others);
    }

    static Optional<KernelMap> readOne(DeviceMapper dm, String name, String wwid) {
        Optional<DmInfo> info = dm.info(name);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        Optional<MultipathTable> table = Optional.empty();
        long size = 0;
        List<DmTarget> t = dm.table(name);
        if (t.size() == 1 && t.get(0).type().equals(MultipathTable.TARGET_TYPE)) {
            size = t.get(0).length();
            try {
                table = Optional.of(MultipathTable.parse(t.get(0).params()));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: cannot parse table '{}': {}", name, t.get(0).params(), e.getMessage());
            }
        }
        Optional<MultipathStatus> status = Optional.empty();
        List<DmTarget> s = dm.status(name);
        if (s.size() == 1 && s.get(0).type().equals(MultipathTable.TARGET_TYPE)) {
            try {
                status = Optional.of(MultipathStatus.parse(s.get(0).params()));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: cannot parse status '{}': {}", name, s.get(0).params(), e.getMessage());
            }
        }
        return Optional.of(new KernelMap(wwid, info.get(), size, table, status));
    }

    public Optional<KernelMap> byWwid(String wwid) {
        return Optional.ofNullable(byWwid.get(wwid));
    }

    public Optional<KernelMap> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether {@code name} is held by a device-mapper device other than {@code wwid}'s map. */
    public boolean nameTakenExcept(String name, String wwid) {
        KernelMap m = byName.get(name);
        return otherNames.contains(name) || (m != null && !m.wwid().equals(wwid));
    }

    /** Names a new map for {@code wwid} must not take: every dm device except that WWID's own map. */
    public Set<String> namesTakenExcept(String wwid) {
        Set<String> out = new TreeSet<>(otherNames);
        for (KernelMap m : maps) {
            if (!m.wwid().equals(wwid)) {
                out.add(m.name());
            }
        }
        return out;
    }
}
