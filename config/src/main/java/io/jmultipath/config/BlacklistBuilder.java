package io.jmultipath.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** setup_default_blist + merge_blacklist(_device): config rules first, then the default rules. */
final class BlacklistBuilder {
    private BlacklistBuilder() {
    }

    static Blacklist build(RawConfig raw, List<HwEntry> hw) {
        List<BlacklistRule> devnode = rules(raw.blacklist, "devnode");
        devnode.add(BlacklistRule.of(ConfigAssembler.DEFAULT_DEVNODE, false));
        List<BlacklistRule> exProperty = rules(raw.exceptions, "property");
        exProperty.add(BlacklistRule.of(ConfigAssembler.DEFAULT_PROPERTY_EXCEPTION, false));
        List<BlacklistRule.Device> devices = devices(raw.blacklistDevices);
        for (HwEntry h : hw) {
            String bl = h.values().get("product_blacklist");
            if (bl == null) {
                continue;
            }
            boolean found = devices.stream().anyMatch(d -> Objects.equals(d.vendor().map(BlacklistRule::text)
                    .orElse(null), h.vendor()) && Objects.equals(d.product().map(BlacklistRule::text).orElse(null), bl));
            if (!found) {
                devices.add(new BlacklistRule.Device(Optional.ofNullable(h.vendor()).map(v -> BlacklistRule.of(v, false)),
                        Optional.of(BlacklistRule.of(bl, false)), false));
            }
        }
        return new Blacklist(
                new Blacklist.Rules(dedupe(devnode), dedupe(rules(raw.blacklist, "wwid")),
                        dedupe(rules(raw.blacklist, "property")), rules(raw.blacklist, "protocol"),
                        dedupeDevices(devices)),
                new Blacklist.Rules(dedupe(rules(raw.exceptions, "devnode")), dedupe(rules(raw.exceptions, "wwid")),
                        dedupe(exProperty), rules(raw.exceptions, "protocol"),
                        dedupeDevices(devices(raw.exceptionDevices))));
    }

    private static List<BlacklistRule> rules(List<String[]> src, String kw) {
        List<BlacklistRule> out = new ArrayList<>();
        for (String[] r : src) {
            if (r[0].equals(kw)) {
                out.add(BlacklistRule.of(r[1], true));
            }
        }
        return out;
    }

    private static List<BlacklistRule.Device> devices(List<Section> src) {
        List<BlacklistRule.Device> out = new ArrayList<>();
        for (Section s : src) {
            out.add(new BlacklistRule.Device(Optional.ofNullable(s.get("vendor")).map(v -> BlacklistRule.of(v, true)),
                    Optional.ofNullable(s.get("product")).map(v -> BlacklistRule.of(v, true)), true));
        }
        return out;
    }

    private static List<BlacklistRule> dedupe(List<BlacklistRule> in) {
        List<BlacklistRule> out = new ArrayList<>();
        for (BlacklistRule r : in) {
            if (out.stream().noneMatch(o -> o.text().equals(r.text()))) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    private static List<BlacklistRule.Device> dedupeDevices(List<BlacklistRule.Device> in) {
        List<BlacklistRule.Device> out = new ArrayList<>();
        for (BlacklistRule.Device d : in) {
            if (d.vendor().isEmpty() && d.product().isEmpty()) {
                continue;
            }
            if (out.stream().noneMatch(o -> key(o).equals(key(d)))) {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }

    private static String key(BlacklistRule.Device d) {
        return d.vendor().map(BlacklistRule::text).orElse("\0") + "\0\0" + d.product().map(BlacklistRule::text).orElse("\0");
    }
}
