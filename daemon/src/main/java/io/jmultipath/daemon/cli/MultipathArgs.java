package io.jmultipath.daemon.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parsed {@code jmultipath} command line: multipath(8) flags (getopt style clustering: "-ll",
 * "-v2", "-dv3") plus --config FILE, --root DIR, --dm SPEC.
 */
public record MultipathArgs(int verbosity, boolean dryRun, int listLevel, boolean flushOne, boolean flushAll,
                            boolean forceReload, boolean check, boolean addWwid, boolean removeWwid,
                            boolean resetWwids, boolean ignoreWwids, boolean bindingsReadOnly,
                            Optional<String> bindingsFile, Optional<String> policy, int showConfig, boolean help,
                            Optional<String> configFile, Optional<String> root, Optional<String> dm,
                            Optional<String> device, boolean allowQueueing) {

    /** Bad command line: the message is printed with the usage. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String m) {
            super(m);
        }
    }

    public static MultipathArgs parse(List<String> args) throws UsageException {
        Builder b = new Builder();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (!name.equals("--config") && !name.equals("--root") && !name.equals("--dm")) {
                    throw new UsageException("unknown option " + name);
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option " + name + " needs an argument");
                    }
                    value = args.get(++i);
                }
                switch (name) {
                    case "--config": b.configFile = Optional.of(value); break;
                    case "--root": b.root = Optional.of(value); break;
                    default: b.dm = Optional.of(value);
                }
                continue;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                positional.add(a);
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                if (c == 'v' || c == 'b' || c == 'p') {
                    String v = a.substring(k + 1);
                    if (v.isEmpty()) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option -" + c + " needs an argument");
                        }
                        v = args.get(++i);
                    }
                    b.withArg(c, v);
                    break;
                }
                b.flag(c);
            }
        }
        if (positional.size() > 1) {
            throw new UsageException("too many arguments: " + String.join(" ", positional));
        }
        b.device = positional.isEmpty() ? Optional.empty() : Optional.of(positional.get(0));
        return b.build();
    }

    private static final class Builder {
        int verbosity = 2;
        boolean dryRun;
        int listLevel;
        boolean flushOne;
        boolean flushAll;
        boolean forceReload;
        boolean check;
        boolean addWwid;
        boolean removeWwid;
        boolean resetWwids;
        boolean ignoreWwids;
        boolean bindingsReadOnly;
        Optional<String> bindingsFile = Optional.empty();
        Optional<String> policy = Optional.empty();
        int showConfig;
        boolean help;
        Optional<String> configFile = Optional.empty();
        Optional<String> root = Optional.empty();
        Optional<String> dm = Optional.empty();
        Optional<String> device = Optional.empty();
        boolean allowQueueing;

        void withArg(char c, String v) throws UsageException {
            switch (c) {
                case 'v':
                    if (!v.matches("[0-9]")) {
                        throw new UsageException("invalid verbosity '" + v + "'");
                    }
                    verbosity = Integer.parseInt(v);
                    break;
                case 'b': bindingsFile = Optional.of(v); break;
                default: policy = Optional.of(v);
            }
        }

        void flag(char c) throws UsageException {
            switch (c) {
                case 'd': dryRun = true; break;
                case 'l': listLevel++; break;
                case 'f': flushOne = true; break;
                case 'F': flushAll = true; break;
                case 'r': forceReload = true; break;
                case 'c': check = true; break;
                case 'a': addWwid = true; break;
                case 'w': removeWwid = true; break;
                case 'W': resetWwids = true; break;
                case 'i': ignoreWwids = true; break;
                case 'B': bindingsReadOnly = true; break;
                case 't': showConfig = 1; break;
                case 'T': showConfig = 2; break;
                case 'h': help = true; break;
                case 'q': allowQueueing = true; break;
                case 'e': break; // accepted, no effect (no foreign libraries)
                default: throw new UsageException("invalid option -- '" + c + "'");
            }
        }

        MultipathArgs build() {
            return new MultipathArgs(verbosity, dryRun, listLevel, flushOne, flushAll, forceReload, check, addWwid,
                    removeWwid, resetWwids, ignoreWwids, bindingsReadOnly, bindingsFile, policy, showConfig, help,
                    configFile, root, dm, device, allowQueueing);
        }
    }
}
