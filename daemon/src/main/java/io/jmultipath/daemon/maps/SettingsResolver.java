package io.jmultipath.daemon.maps;

import io.jmultipath.checker.Checkers;
import io.jmultipath.checker.Prioritizers;
import io.jmultipath.config.Config;
import io.jmultipath.config.Origin;
import io.jmultipath.config.PathIdentity;
import io.jmultipath.config.Resolution;
import io.jmultipath.config.Setting;
import io.jmultipath.daemon.discovery.Alua;
import io.jmultipath.daemon.discovery.Bus;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.topology.PgPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Attribute selection on top of config's layered {@link Resolution}, adding what depends on the
 * device: detect_prio (ALUA → sysfs / alua), detect_checker (ALUA → tur), detect_pgpolicy
 * (alua/sysfs prio → group_by_prio), the kernel-attached hardware handler, queue_if_no_path from
 * no_path_retry.
 */
public final class SettingsResolver {

    private final Config config;
    private final Optional<PgPolicy> forcedPolicy;
    /** Resolutions by identity: thousands of paths share a handful of vendor/product/protocol tuples. */
    private final java.util.Map<PathIdentity, Resolution> cache = new java.util.concurrent.ConcurrentHashMap<>();
    /** "dev keyword name" already warned about (once per resolver, i.e. per run or configuration). */
    private final Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Queue<String> warnings = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** @param forcedPolicy {@code multipath -p POLICY} */
    public SettingsResolver(Config config, Optional<PgPolicy> forcedPolicy) {
        this.config = config;
        this.forcedPolicy = forcedPolicy;
    }

    public Config config() {
        return config;
    }

    /** The warnings raised since the last call (each one once for the life of this resolver). */
    public List<String> drainWarnings() {
        List<String> out = new ArrayList<>();
        for (String w; (w = warnings.poll()) != null; ) {
            out.add(w);
        }
        return out;
    }

    public static PathIdentity identity(DiscoveredPath p) {
        return new PathIdentity(p.vendor(), p.product(), p.revision(), Optional.of(p.protocol().text()), p.wwid());
    }

    public Resolution resolve(DiscoveredPath p) {
        return cache.computeIfAbsent(identity(p), config::resolve);
    }

    static String value(Resolution r, String kw, String fallback) {
        try {
            String v = r.value(kw);
            return v == null || v.isEmpty() ? fallback : v;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    static boolean explicit(Resolution r, String kw) {
        try {
            return r.explicit(kw).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The uid_attribute for a path (before its WWID is known), as select_getuid: a {@code uid_attrs}
     * record whose device-name prefix matches ("sd:ID_SERIAL"), else overrides → devices → defaults,
     * else ID_SERIAL (ID_WWN for NVMe, ID_UID for DASD). An explicit empty value ("") is kept: it
     * turns udev lookup off.
     */
    public String uidAttribute(DiscoveredPath p) {
        Optional<String> byAttrs = uidAttrsFor(p.dev());
        if (byAttrs.isPresent()) {
            return byAttrs.get();
        }
        String def = p.bus() == Bus.NVME ? "ID_WWN" : p.bus() == Bus.CCW ? "ID_UID" : "ID_SERIAL";
        try {
            return resolve(p).explicit("uid_attribute").map(Setting::value).orElse(def);
        } catch (IllegalArgumentException e) {
            return def;
        }
    }

    /** get_uid_attribute_by_attrs: the first "prefix:ATTR" record of uid_attrs whose prefix starts {@code dev}. */
    Optional<String> uidAttrsFor(String dev) {
        String attrs;
        try {
            Setting s = config.defaults("uid_attrs");
            attrs = s.origin() == io.jmultipath.config.Origin.BUILTIN ? "" : s.value();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (String rec : attrs.strip().split("[ \t]+")) {
            int colon = rec.lastIndexOf(':');
            if (colon >= 0 && dev.startsWith(rec.substring(0, colon))) {
                return Optional.of(rec.substring(colon + 1));
            }
        }
        return Optional.empty();
    }

    public PathSettings forPath(DiscoveredPath p) {
        Resolution r = resolve(p);
        boolean alua = p.bus() == Bus.SCSI && p.alua().capable();
        String checker = value(r, "path_checker", "tur");
        if (alua && "yes".equals(value(r, "detect_checker", "yes"))) {
            checker = "tur";
        }
        String prio = value(r, "prio", "const");
        String args = value(r, "prio_args", "");
        if (alua && "yes".equals(value(r, "detect_prio", "yes"))) {
            prio = p.alua().accessState().isPresent() ? "sysfs" : "alua";
            args = "";
        }
        if (!Checkers.names().contains(checker)) {
            checker = substitute(p, "path_checker", checker, "tur");
        }
        if (!Prioritizers.names().contains(prio)) {
            prio = substitute(p, "prio", prio, "const");
            args = "";
        }
        return new PathSettings(checker, prio, args, uidAttribute(p));
    }

    /**
     * What {@code multipath -v3} logs of a map's selection (propsel): each attribute with its value and
     * where it came from, e.g. {@code mpatha: path_selector = service-time 0 (setting: multipath internal)},
     * then the same for each path's checker, prioritizer and uid_attribute. A value the device or the
     * command line decided (detect_prio, detect_pgpolicy, an attached handler, {@code -p}) says so.
     */
    public List<String> explain(String name, List<DiscoveredPath> paths, List<PathSettings> pathSettings, MapSettings m) {
        Resolution r = resolve(paths.get(0));
        List<String> out = new ArrayList<>();
        Origin decided = forcedPolicy.isPresent() ? Origin.CMDLINE : Origin.AUTODETECTED;
        out.add(line(name, r, "path_grouping_policy", m.pgPolicy().text(), decided));
        out.add(line(name, r, "path_selector", m.selector(), Origin.AUTODETECTED));
        out.add(line(name, r, "features", m.featuresText(), Origin.AUTODETECTED));
        out.add(line(name, r, "hardware_handler", m.hwHandlerText(), Origin.AUTODETECTED));
        for (String kw : List.of("failback", "rr_weight", "rr_min_io_rq", "no_path_retry", "flush_on_last_del",
                "user_friendly_names", "alias_prefix", "skip_kpartx")) {
            Setting e = r.effective(kw);
            out.add(name + ": " + e);
        }
        for (int i = 0; i < paths.size(); i++) {
            Resolution pr = resolve(paths.get(i));
            String dev = paths.get(i).dev();
            PathSettings ps = pathSettings.get(i);
            out.add(line(dev, pr, "path_checker", ps.checker(), Origin.AUTODETECTED));
            out.add(line(dev, pr, "prio", ps.prio(), Origin.AUTODETECTED));
            out.add(line(dev, pr, "prio_args", ps.prioArgs(), Origin.AUTODETECTED));
            out.add(line(dev, pr, "uid_attribute", ps.uidAttribute(), Origin.UID_ATTRS));
        }
        return out;
    }

    /** The configured setting when the chosen value is the configured one, else the value with {@code other}. */
    private static String line(String who, Resolution r, String kw, String chosen, Origin other) {
        Setting e = r.effective(kw);
        return who + ": " + (e.value().equals(chosen) ? e : new Setting(kw, chosen, other));
    }

    /**
     * A checker or prioritizer multipath-tools has but jmultipath does not (the vendor ones: rdac,
     * emc_clariion, hp_sw, ontap, …) or a misspelt name: the path is served by a generic one, and the
     * admin is told once, naming the device ({@link #drainWarnings}).
     */
    private String substitute(DiscoveredPath p, String keyword, String name, String generic) {
        if (warned.add(p.dev() + " " + keyword + " " + name)) {
            warnings.add(p.dev() + ": " + keyword + " \"" + name + "\" is not available in jmultipath, using \"" + generic + "\"");
        }
        return generic;
    }

    /** Map settings from the first path of the map (config layers keyed by its identity + WWID). */
    public MapSettings forMap(String wwid, List<DiscoveredPath> paths, List<PathSettings> pathSettings) {
        DiscoveredPath first = paths.get(0).withWwid(Optional.of(wwid), paths.get(0).wwidSource());
        Resolution r = resolve(first);
        PgPolicy policy = PgPolicy.parse(value(r, "path_grouping_policy", "failover")).orElse(PgPolicy.FAILOVER);
        boolean allAluaPrio = !pathSettings.isEmpty()
                && pathSettings.stream().allMatch(s -> s.prio().equals("alua") || s.prio().equals("sysfs"));
        if (allAluaPrio && "yes".equals(value(r, "detect_pgpolicy", "no"))) {
            policy = "yes".equals(value(r, "detect_pgpolicy_use_tpg", "no")) ? PgPolicy.GROUP_BY_TPG : PgPolicy.GROUP_BY_PRIO;
        }
        if (forcedPolicy.isPresent()) {
            policy = forcedPolicy.get();
        }
        if (policy == PgPolicy.GROUP_BY_TPG && !allAluaPrio) {
            policy = PgPolicy.FAILOVER;
        }
        List<String> features = words(value(r, "features", "0"));
        Optional<String> npr = explicit(r, "no_path_retry") ? Optional.of(value(r, "no_path_retry", "fail"))
                : Optional.empty();
        if (npr.isEmpty() && features.contains("queue_if_no_path")) {
            npr = Optional.of("queue");
        }
        features = new ArrayList<>(features);
        // reconcile_features_with_options: the retain_attached_hw_handler feature only mattered for
        // kernels before 4.3 (the handler is always retained now); it never reaches the table
        features.remove("retain_attached_hw_handler");
        if (npr.isPresent()) {
            String v = npr.get();
            boolean queue = v.equals("queue") || (isInt(v) && Integer.parseInt(v) > 0);
            features.remove("queue_if_no_path");
            if (queue) {
                features.add("queue_if_no_path");
            }
        }
        List<String> hw = hardwareHandler(r, paths);
        int minio = 1;
        try {
            minio = Integer.parseInt(value(r, "rr_min_io_rq", "1"));
        } catch (NumberFormatException ignored) {
            // keep 1
        }
        Optional<String> alias = config.multipath(wwid).flatMap(e -> e.alias());
        return new MapSettings(value(r, "path_selector", "service-time 0"), policy, features, hw,
                value(r, "failback", "manual"), npr, minio, "priorities".equals(value(r, "rr_weight", "uniform")),
                alias, "yes".equals(value(r, "user_friendly_names", "no")), value(r, "alias_prefix", "mpath"),
                "yes".equals(value(r, "skip_kpartx", "no")));
    }

    /**
     * select_hwhandler: a handler the kernel already attached to any path (dh_state; kept because
     * retain_attached_hw_handler is implied on kernels &ge; 4.3), else devices → defaults → "0";
     * then "1 alua" when every path supports ALUA (TPGS) and nothing was configured, and no "1 alua"
     * when some path does not.
     */
    static List<String> hardwareHandler(Resolution r, List<DiscoveredPath> paths) {
        Optional<String> attached = paths.stream().map(p -> p.alua().attachedHandler()).flatMap(Optional::stream)
                .findFirst();
        List<String> hw;
        boolean fromDefault = false;
        if (attached.isPresent()) {
            hw = List.of(attached.get());
        } else {
            hw = words(value(r, "hardware_handler", "0"));
            fromDefault = !explicit(r, "hardware_handler");
        }
        boolean allTpgs = paths.stream().allMatch(p -> p.alua().tpgsState() != Alua.Tpgs.NONE)
                && paths.stream().anyMatch(p -> p.alua().tpgsState() == Alua.Tpgs.SUPPORTED);
        if (allTpgs && hw.isEmpty() && fromDefault) {
            return List.of("alua");
        }
        if (!allTpgs && hw.equals(List.of("alua"))) {
            return List.of();
        }
        return hw;
    }

    /** find_multipaths from the defaults section ("strict" compiled default). */
    public String findMultipaths() {
        try {
            Setting s = config.defaults("find_multipaths");
            return s.value();
        } catch (IllegalArgumentException e) {
            return "strict";
        }
    }

    /** "2 pg_init_retries 50" → [pg_init_retries, 50]; "0" → []. */
    static List<String> words(String withCount) {
        List<String> w = new ArrayList<>(Arrays.asList(withCount.strip().split("\\s+")));
        if (!w.isEmpty() && isInt(w.get(0))) {
            w.remove(0);
        }
        w.removeIf(String::isEmpty);
        return w;
    }

    static boolean isInt(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
