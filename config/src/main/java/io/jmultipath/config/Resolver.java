package io.jmultipath.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * propsel.c: for each attribute walk multipaths → overrides (protocol subsection first for
 * fast_io_fail_tmo/dev_loss_tmo/eh_deadline) → matching device entries (newest first) → defaults →
 * compiled default, stopping at the first layer that sets it. Each attribute only consults the
 * layers where its keyword exists (e.g. path_checker has no multipaths layer, hardware_handler only
 * devices); prio_args is taken from the layer that set prio.
 */
final class Resolver {
    private static final Set<String> IDENTITY = Set.of("vendor", "product", "revision", "product_blacklist",
            "wwid", "type");
    private static final List<Keyword> ATTRIBUTES = attributes();

    private final Config config;

    Resolver(Config config) {
        this.config = config;
    }

    private static List<Keyword> attributes() {
        List<Keyword> out = new ArrayList<>();
        for (Keyword k : Keywords.table().all()) {
            boolean pathOrMap = k.in(Scope.DEVICE) || k.in(Scope.OVERRIDES) || k.in(Scope.MULTIPATH);
            if (pathOrMap && k.aliasOf().isEmpty() && k.deprecation() != Keyword.Deprecation.IGNORED
                    && !IDENTITY.contains(k.name())) {
                out.add(k);
            }
        }
        return List.copyOf(out);
    }

    /** Attribute name → slot in a {@link Resolution}'s arrays. */
    static final Map<String, Integer> INDEX = index();
    private static final int PRIO = INDEX.get("prio");
    private static final int PRIO_ARGS = INDEX.get("prio_args");
    private static final int FEATURES = INDEX.get("features");
    private static final int NO_PATH_RETRY = INDEX.get("no_path_retry");
    private static final Setting[] BUILTIN = ATTRIBUTES.stream()
            .map(k -> new Setting(k.name(), k.builtin().orElse(""), Origin.BUILTIN)).toArray(Setting[]::new);

    private static Map<String, Integer> index() {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < ATTRIBUTES.size(); i++) {
            m.put(ATTRIBUTES.get(i).name(), i);
        }
        return Map.copyOf(m);
    }

    /**
     * The layers below multipaths (overrides protocol → overrides → devices → defaults) for one
     * vendor/product/revision/protocol, before prio_args and features are settled ({@code explicit}
     * slots are null where no layer sets the attribute); {@code plain} is the finished resolution
     * of a path that no multipaths entry names. Cached per Config.
     */
    record Base(Setting[] explicit, List<HwEntry> hwes, Resolution plain) {
    }

    Base base(PathIdentity id) {
        Optional<Map<String, String>> pce = id.protocol().flatMap(p -> config.protocols().stream()
                .filter(m -> p.equals(m.get("type"))).findFirst());
        Config.DeviceLayer dev = config.deviceLayer(id);
        Setting[] explicit = new Setting[ATTRIBUTES.size()];
        for (int i = 0; i < explicit.length; i++) {
            explicit[i] = explicit(ATTRIBUTES.get(i), pce, dev.merged());
        }
        return new Base(explicit, dev.entries(), finish(explicit.clone(), Optional.empty(), dev.entries()));
    }

    Resolution resolve(PathIdentity id) {
        Base base = config.base(id, this);
        Optional<MultipathEntry> mpe = id.wwid().flatMap(config::multipath);
        if (mpe.isEmpty()) {
            return base.plain();
        }
        Setting[] explicit = base.explicit().clone();
        Map<String, String> mv = mpe.get().values();
        for (int i = 0; i < explicit.length; i++) {
            Keyword k = ATTRIBUTES.get(i);
            String v = k.in(Scope.MULTIPATH) ? mv.get(k.field()) : null;
            if (v != null) {
                explicit[i] = new Setting(k.name(), v, Origin.MULTIPATHS);
            }
        }
        return finish(explicit, mpe, base.hwes());
    }

    /** prio_args from the layer that set prio, then select_features; the compiled defaults fill the rest. */
    private Resolution finish(Setting[] explicit, Optional<MultipathEntry> mpe, List<HwEntry> hwes) {
        Setting prio = explicit[PRIO];
        if (prio != null) {
            String args = argsFromLayer(prio.origin(), mpe, hwes);
            explicit[PRIO_ARGS] = new Setting("prio_args", args == null ? "" : args, prio.origin());
        } else {
            explicit[PRIO_ARGS] = null;
        }
        Setting[] effective = explicit.clone();
        for (int i = 0; i < effective.length; i++) {
            if (effective[i] == null) {
                effective[i] = BUILTIN[i];
            }
        }
        reconcileFeatures(explicit, effective);
        return new Resolution(explicit, effective);
    }

    private Setting explicit(Keyword k, Optional<Map<String, String>> pce, Map<String, String> device) {
        String f = k.field();
        if (k.in(Scope.PROTOCOL) && pce.isPresent() && pce.get().containsKey(f)) {
            return new Setting(k.name(), pce.get().get(f), Origin.OVERRIDES_PROTOCOL);
        }
        Optional<Map<String, String>> ovr = config.overrides();
        if (k.in(Scope.OVERRIDES) && ovr.isPresent() && ovr.get().containsKey(f)) {
            return new Setting(k.name(), ovr.get().get(f), Origin.OVERRIDES);
        }
        if (k.in(Scope.DEVICE)) {
            String v = device.get(f);
            if (v != null) {
                return new Setting(k.name(), v, Origin.DEVICES);
            }
        }
        if (k.in(Scope.DEFAULTS) && config.defaultsMap().containsKey(f)) {
            return new Setting(k.name(), config.defaultsMap().get(f), Origin.DEFAULTS);
        }
        return null;
    }

    /** select_features: "queue_if_no_path" in features becomes no_path_retry queue (if unset). */
    private static void reconcileFeatures(Setting[] explicit, Setting[] effective) {
        Setting f = effective[FEATURES];
        if (!f.value().contains(Features.QUEUE_IF_NO_PATH)) {
            return;
        }
        Setting cleaned = new Setting("features", Features.remove(f.value(), Features.QUEUE_IF_NO_PATH), f.origin());
        effective[FEATURES] = cleaned;
        if (explicit[FEATURES] != null) {
            explicit[FEATURES] = cleaned;
        }
        if (explicit[NO_PATH_RETRY] == null) {
            Setting q = new Setting("no_path_retry", "queue", f.origin());
            explicit[NO_PATH_RETRY] = q;
            effective[NO_PATH_RETRY] = q;
        }
    }

    private String argsFromLayer(Origin o, Optional<MultipathEntry> mpe, List<HwEntry> hwes) {
        return switch (o) {
            case MULTIPATHS -> mpe.map(m -> m.values().get("prio_args")).orElse(null);
            case OVERRIDES -> config.overrides().map(m -> m.get("prio_args")).orElse(null);
            case DEVICES -> hwes.stream().filter(h -> h.values().containsKey("prio")).findFirst()
                    .map(h -> h.values().get("prio_args")).orElse(null);
            case DEFAULTS -> config.defaultsMap().get("prio_args");
            default -> null;
        };
    }
}
