package io.jmultipath.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, fully merged configuration (libmultipath's struct config after load). */
public final class Config {
    /** What `multipath` (the one-shot tool) forces after loading: main.c sets these before -t. */
    private static final Map<String, String> MULTIPATH_TOOL_OVERLAY = Map.of("retrigger_tries", "0",
            "force_sync", "yes");

    private final Map<String, String> defaults;
    private final List<HwEntry> hwtable;
    private final Optional<Map<String, String>> overrides;
    private final List<Map<String, String>> protocols;
    private final List<MultipathEntry> multipaths;
    private final Map<String, MultipathEntry> byWwid = new LinkedHashMap<>();
    private final Blacklist blacklist;
    /** find_hwe results per vendor/product/revision; a pure function of this immutable config. */
    private final java.util.concurrent.ConcurrentHashMap<List<String>, DeviceLayer> hweCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    Config(Map<String, String> defaults, List<HwEntry> hwtable, Map<String, String> overrides,
           List<Map<String, String>> protocols, List<MultipathEntry> multipaths, Blacklist blacklist) {
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        this.hwtable = List.copyOf(hwtable);
        this.overrides = Optional.ofNullable(overrides).map(o -> Collections.unmodifiableMap(new LinkedHashMap<>(o)));
        this.protocols = List.copyOf(protocols);
        this.multipaths = List.copyOf(multipaths);
        for (MultipathEntry m : multipaths) {
            byWwid.put(m.wwid(), m);
        }
        this.blacklist = blacklist;
    }

    /** Compiled defaults + built-in hwtable (no config file). */
    public static Config builtin() {
        return new ConfigAssembler(BuiltinHwtable.text()).build();
    }

    public Resolution resolve(PathIdentity id) {
        return new Resolver(this).resolve(id);
    }

    /**
     * Like {@link #resolve(PathIdentity)}, plus select_getuid's first rule: a {@code uid_attrs}
     * record whose device-name prefix matches {@code devnode} ("sd:ID_SERIAL" for sdb) decides
     * uid_attribute.
     */
    public Resolution resolve(PathIdentity id, String devnode) {
        Resolution r = resolve(id);
        String attrs = defaults.get("uid_attrs");
        if (attrs == null) {
            return r;
        }
        for (String rec : attrs.split(" ")) {
            int colon = rec.lastIndexOf(':');
            if (colon >= 0 && devnode.startsWith(rec.substring(0, colon))) {
                return r.with(new Setting("uid_attribute", rec.substring(colon + 1), Origin.UID_ATTRS));
            }
        }
        return r;
    }

    public Blacklist blacklist() {
        return blacklist;
    }

    /** Exactly what `multipath -t` prints for this configuration. */
    public String showConfig() {
        return new ConfigPrinter().print(this, MULTIPATH_TOOL_OVERLAY, hwtable, null);
    }

    /** What multipathd's {@code show config} prints (no one-shot tool overrides). */
    public String showConfigDaemon() {
        return new ConfigPrinter().print(this, Map.of(), hwtable, null);
    }

    /**
     * What `multipath -T` (and {@code show config local}) prints: only the device entries matching
     * the present paths, and a multipaths section for the present maps (wwid → alias).
     */
    public String showConfigLocal(List<PathIdentity> presentPaths, Map<String, String> presentMaps) {
        return showConfigLocal(presentPaths, presentMaps, MULTIPATH_TOOL_OVERLAY);
    }

    /** multipathd's {@code show config local}: as {@link #showConfigLocal} without the tool overrides. */
    public String showConfigLocalDaemon(List<PathIdentity> presentPaths, Map<String, String> presentMaps) {
        return showConfigLocal(presentPaths, presentMaps, Map.of());
    }

    private String showConfigLocal(List<PathIdentity> presentPaths, Map<String, String> presentMaps,
                                   Map<String, String> overlay) {
        // get_used_hwes: paths in order, each path's matches oldest first, first occurrence kept
        LinkedHashSet<HwEntry> used = new LinkedHashSet<>();
        for (PathIdentity p : presentPaths) {
            List<HwEntry> m = matchingEntries(p);
            for (int i = m.size() - 1; i >= 0; i--) {
                used.add(m.get(i));
            }
        }
        List<HwEntry> ordered = new ArrayList<>(used);
        List<ConfigPrinter.MapRef> maps = new ArrayList<>();
        presentMaps.forEach((w, a) -> maps.add(new ConfigPrinter.MapRef(w, a)));
        return new ConfigPrinter().print(this, overlay, ordered, maps);
    }

    /** find_hwe: every matching entry, newest (last in table) first. */
    public List<HwEntry> matchingEntries(PathIdentity id) {
        return deviceLayer(id).entries();
    }

    /** The matching entries and, per keyword, the value of the first (newest) entry that sets it. */
    record DeviceLayer(List<HwEntry> entries, Map<String, String> merged) {
    }

    DeviceLayer deviceLayer(PathIdentity id) {
        return hweCache.computeIfAbsent(List.of(id.vendor(), id.product(), id.revision()), k -> {
            List<HwEntry> e = findHwe(id);
            Map<String, String> merged = new java.util.HashMap<>();
            for (HwEntry h : e) {
                h.values().forEach(merged::putIfAbsent);
            }
            return new DeviceLayer(e, Map.copyOf(merged));
        });
    }

    private List<HwEntry> findHwe(PathIdentity id) {
        List<HwEntry> out = new ArrayList<>();
        for (HwEntry h : vendorCandidates(id.vendor())) {
            if (h.matches(id.vendor(), id.product(), id.revision())) {
                out.add(h);
            }
        }
        return List.copyOf(out);
    }

    /** Entries whose vendor regex matches this vendor string, newest first (few vendors, many products). */
    private final java.util.concurrent.ConcurrentHashMap<String, List<HwEntry>> byVendor =
            new java.util.concurrent.ConcurrentHashMap<>();

    private List<HwEntry> vendorCandidates(String vendor) {
        return byVendor.computeIfAbsent(vendor, v -> {
            List<HwEntry> out = new ArrayList<>();
            for (int i = hwtable.size() - 1; i >= 0; i--) {
                if (hwtable.get(i).matches(v, null, null)) {
                    out.add(hwtable.get(i));
                }
            }
            return List.copyOf(out);
        });
    }

    /** The resolution layers below multipaths, per vendor/product/revision/protocol (a pure function of this config). */
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, Resolver.Base> baseCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    Resolver.Base base(PathIdentity id, Resolver r) {
        List<Object> key = List.of(id.vendor(), id.product(), id.revision(), id.protocol());
        Resolver.Base b = baseCache.get(key);
        if (b == null) {
            b = r.base(id);
            baseCache.putIfAbsent(key, b);
        }
        return b;
    }

    /** Defaults-section value or compiled default, with origin. */
    public Setting defaults(String keyword) {
        Keyword k = Keywords.table().find(keyword, Scope.DEFAULTS)
                .orElseThrow(() -> new IllegalArgumentException("not a defaults keyword: " + keyword));
        String v = defaults.get(k.field());
        if (v != null) {
            return new Setting(keyword, v, Origin.DEFAULTS);
        }
        return new Setting(keyword, k.builtin().orElse(""), Origin.BUILTIN);
    }

    public Optional<MultipathEntry> multipath(String wwid) {
        return Optional.ofNullable(byWwid.get(wwid));
    }

    public List<MultipathEntry> multipaths() {
        return multipaths;
    }

    public List<HwEntry> hwtable() {
        return hwtable;
    }

    public Optional<Map<String, String>> overrides() {
        return overrides;
    }

    public List<Map<String, String>> protocols() {
        return protocols;
    }

    Map<String, String> defaultsMap() {
        return defaults;
    }
}
