package io.jmultipath.selector.sim;

import io.jmultipath.selector.PathSelectors;
import io.jmultipath.selector.SelectorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Parsed {@code jmultipath simulate} options. */
record SimOptions(List<PathModel> paths, List<SelectorSpec> selectors, long ioSize, int iodepth, int readPct,
                  OptionalLong durationNs, long maxIos, long seed, int repeatCount,
                  Optional<String> csv, Optional<String> png, boolean help) {

    static final long IO_LIMIT = 20_000_000L;
    static final String DEFAULT_SELECTORS = "round-robin,queue-length,service-time,historical-service-time";

    static SimOptions parse(List<String> args) throws UsageException {
        List<PathModel> paths = new ArrayList<>();
        String selectors = DEFAULT_SELECTORS;
        long ioSize = 4096;
        int iodepth = 32;
        int readPct = 100;
        OptionalLong duration = OptionalLong.empty();
        Long ios = null;
        long seed = 1;
        int repeat = 1;
        Optional<String> csv = Optional.empty();
        Optional<String> png = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String opt = a;
            String val = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                opt = a.substring(0, eq);
                val = a.substring(eq + 1);
            }
            if (opt.equals("--help") || opt.equals("-h")) {
                return new SimOptions(List.of(), List.of(), 0, 0, 0, OptionalLong.empty(), 0, 0, 0,
                        Optional.empty(), Optional.empty(), true);
            }
            if (!opt.startsWith("-")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            if (!List.of("--path", "--selector", "--io-size", "--iodepth", "--read-pct", "--duration", "--ios",
                    "--seed", "--repeat-count", "--csv", "--png").contains(opt)) {
                throw new UsageException("unknown option " + opt);
            }
            if (val == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(opt + " needs a value");
                }
                val = args.get(++i);
            }
            switch (opt) {
                case "--path": paths.add(PathModel.parse(val)); break;
                case "--selector": selectors = val; break;
                case "--io-size":
                    try {
                        ioSize = Units.size(val);
                    } catch (UsageException e) {
                        throw new UsageException("--io-size: " + e.getMessage());
                    }
                    break;
                case "--iodepth": iodepth = (int) Units.parseLong(opt, val, 1, 100_000); break;
                case "--read-pct": readPct = (int) Units.parseLong(opt, val, 0, 100); break;
                case "--duration":
                    try {
                        duration = OptionalLong.of(Units.duration(val));
                    } catch (UsageException e) {
                        throw new UsageException("--duration: " + e.getMessage());
                    }
                    if (duration.getAsLong() == 0) {
                        throw new UsageException("--duration: must be > 0");
                    }
                    break;
                case "--ios": ios = Units.parseLong(opt, val, 1, IO_LIMIT); break;
                case "--seed": seed = Units.parseLong(opt, val, Long.MIN_VALUE, Long.MAX_VALUE); break;
                case "--repeat-count": repeat = (int) Units.parseLong(opt, val, 0, Integer.MAX_VALUE); break;
                case "--csv": csv = Optional.of(val); break;
                default: png = Optional.of(val); break;
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("at least one --path is required");
        }
        List<String> names = new ArrayList<>();
        for (PathModel p : paths) {
            if (names.contains(p.name())) {
                throw new UsageException("--path " + p.name() + ": duplicate path name");
            }
            names.add(p.name());
        }
        long maxIos = ios != null ? ios : (duration.isPresent() ? IO_LIMIT : 100_000);
        return new SimOptions(List.copyOf(paths), parseSelectors(selectors), ioSize, iodepth, readPct, duration,
                maxIos, seed, repeat, csv, png, false);
    }

    private static List<SelectorSpec> parseSelectors(String list) throws UsageException {
        List<SelectorSpec> specs = new ArrayList<>();
        for (String item : list.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                throw new UsageException("--selector: empty selector in '" + list + "'");
            }
            SelectorSpec spec;
            try {
                spec = t.contains(" ") ? SelectorSpec.parse(t) : new SelectorSpec(t, List.of());
                PathSelectors.create(spec, () -> 0L);
            } catch (IllegalArgumentException e) {
                String known = e.getMessage().startsWith("unknown")
                        ? " (known: " + String.join(", ", PathSelectors.names()) + ")" : "";
                throw new UsageException("--selector " + t + ": " + e.getMessage() + known);
            }
            specs.add(spec);
        }
        return List.copyOf(specs);
    }
}
