package io.jmultipath.config;

import java.util.List;
import java.util.Map;

/** print.c {@code __snprint_config}: the text `multipath -t` and `show config` print. */
final class ConfigPrinter {
    private final Keywords table = Keywords.table();
    private final StringBuilder b = new StringBuilder(64 * 1024);

    /** A map present on the host, for `-T` / local config (wwid + alias). */
    record MapRef(String wwid, String alias) {
    }

    String print(Config c, Map<String, String> defaultsOverlay, List<HwEntry> hwtable, List<MapRef> maps) {
        defaults(c, defaultsOverlay);
        blacklist("blacklist", c.blacklist().blacklistRules());
        blacklist("blacklist_exceptions", c.blacklist().exceptionRules());
        b.append("devices {\n");
        for (HwEntry h : hwtable) {
            b.append("\tdevice {\n");
            section(Scope.DEVICE, h.values(), "\t\t");
            b.append("\t}\n");
        }
        b.append("}\n");
        b.append("overrides {\n");
        c.overrides().ifPresent(o -> {
            section(Scope.OVERRIDES, o, "\t");
            for (Map<String, String> p : c.protocols()) {
                b.append("\tprotocol {\n");
                section(Scope.PROTOCOL, p, "\t\t");
                b.append("\t}\n");
            }
        });
        b.append("}\n");
        multipaths(c, maps);
        return b.toString();
    }

    private void multipaths(Config c, List<MapRef> maps) {
        if (c.multipaths().isEmpty() && (maps == null || maps.isEmpty())) {
            return;
        }
        b.append("multipaths {\n");
        for (MultipathEntry m : c.multipaths()) {
            MapRef ref = null;
            if (maps != null) {
                ref = maps.stream().filter(r -> r.wwid().equals(m.wwid())).findFirst().orElse(null);
                if (ref == null) {
                    continue;
                }
            }
            b.append("\tmultipath {\n");
            section(Scope.MULTIPATH, m.values(), "\t\t");
            if (ref != null && !ref.alias().equals(ref.wwid())) {
                b.append("\t\t# alias \"").append(ref.alias()).append("\"\n");
            }
            b.append("\t}\n");
        }
        if (maps != null) {
            for (MapRef r : maps) {
                if (c.multipath(r.wwid()).isPresent()) {
                    continue;
                }
                b.append("\tmultipath {\n\t\twwid \"").append(r.wwid()).append("\"\n");
                if (!r.alias().equals(r.wwid())) {
                    b.append("\t\t# alias \"").append(r.alias()).append("\"\n");
                }
                b.append("\t}\n");
            }
        }
        b.append("}\n");
    }

    private void defaults(Config c, Map<String, String> overlay) {
        b.append("defaults {\n");
        for (Keyword k : table.printOrder(Scope.DEFAULTS)) {
            String v = overlay.containsKey(k.name()) ? overlay.get(k.name())
                    : c.defaultsMap().getOrDefault(k.field(), k.builtin().orElse(null));
            String printed = v == null ? null : k.type().print(v);
            if (printed != null) {
                b.append('\t').append(k.name()).append(' ').append(printed).append('\n');
            }
        }
        b.append("}\n");
    }

    private void section(Scope scope, Map<String, String> values, String indent) {
        for (Keyword k : table.printOrder(scope)) {
            String v = values.get(k.field());
            String printed = v == null ? null : k.type().print(v);
            if (printed != null) {
                b.append(indent).append(k.name()).append(' ').append(printed).append('\n');
            }
        }
    }

    private void blacklist(String name, Blacklist.Rules r) {
        b.append(name).append(" {\n");
        rules("devnode", r.devnode());
        rules("wwid", r.wwid());
        rules("property", r.property());
        rules("protocol", r.protocol());
        for (BlacklistRule.Device d : r.device()) {
            // print.c prints "device {" with the vendor line and "}" with the product line; an absent
            // value suppresses that whole chunk (reproduced as is).
            d.vendor().ifPresent(v -> b.append("\tdevice {\n\t\tvendor ").append(ValueType.quote(v.text())).append('\n'));
            d.product().ifPresent(p -> b.append("\t\tproduct ").append(ValueType.quote(p.text())).append("\n\t}\n"));
        }
        b.append("}\n");
    }

    private void rules(String kw, List<BlacklistRule> rules) {
        for (BlacklistRule r : rules) {
            b.append('\t').append(kw).append(' ').append(ValueType.quote(r.text())).append('\n');
        }
    }
}
