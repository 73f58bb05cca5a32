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

    Resolution resolve(PathIdentity id) {
        Optional<MultipathEntry> mpe = id.wwid().flatMap(config::multipath);
        Optional<Map<String, String>> pce = id.protocol().flatMap(p -> config.protocols().stream()
                .filter(m -> p.equals(m.get("type"))).findFirst());
        Config.DeviceLayer dev = config.deviceLayer(id);
        List<HwEntry> hwes = dev.entries();
        Map<String, Setting> explicit = new java.util.HashMap<>(128);
        Map<String, Setting> effective = new java.util.HashMap<>(128);
        for (Keyword k : ATTRIBUTES) {
            Setting s = explicit(k, mpe, pce, dev.merged());
            if (s != null) {
                explicit.put(k.name(), s);
                effective.put(k.name(), s);
            } else {
                effective.put(k.name(), new Setting(k.name(), k.builtin().orElse(""), Origin.BUILTIN));
            }
        }
        Setting prio = explicit.get("prio");
        if (prio != null) {
            String args = argsFromLayer(prio.origin(), mpe, hwes);
            Setting s = new Setting("prio_args", args == null ? "" : args, prio.origin());
            explicit.put("prio_args", s);
            effective.put("prio_args", s);
        } else {
            explicit.remove("prio_args");
            effective.put("prio_args", new Setting("prio_args", "", Origin.BUILTIN));
        }
        reconcileFeatures(explicit, effective);
        return new Resolution(explicit, effective);
    }

    private Setting explicit(Keyword k, Optional<MultipathEntry> mpe, Optional<Map<String, String>> pce,
                             Map<String, String> device) {
        String f = k.field();
        if (k.in(Scope.MULTIPATH) && mpe.isPresent() && mpe.get().values().containsKey(f)) {
            return new Setting(k.name(), mpe.get().values().get(f), Origin.MULTIPATHS);
        }
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
    private static void reconcileFeatures(Map<String, Setting> explicit, Map<String, Setting> effective) {
        Setting f = effective.get("features");
        if (!f.value().contains(Features.QUEUE_IF_NO_PATH)) {
            return;
        }
        Setting cleaned = new Setting("features", Features.remove(f.value(), Features.QUEUE_IF_NO_PATH), f.origin());
        effective.put("features", cleaned);
        if (explicit.containsKey("features")) {
            explicit.put("features", cleaned);
        }
        if (!explicit.containsKey("no_path_retry")) {
            Setting q = new Setting("no_path_retry", "queue", f.origin());
            explicit.put("no_path_retry", q);
            effective.put("no_path_retry", q);
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
