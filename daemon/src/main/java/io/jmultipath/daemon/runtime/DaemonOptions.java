package io.jmultipath.daemon.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * jmultipathd's command line. Daemon: {@code -d -s -v N --config F --root D --dm SPEC --socket S
 * --metrics HOST:PORT --metrics-file F --demo}; client: {@code -k[cmd]} or command words.
 */
public record DaemonOptions(boolean foreground, boolean noTimestamps, int verbosity, Optional<Path> config,
                            Optional<Path> root, String dm, Optional<String> socket, boolean demo,
                            Optional<String> interactive, List<String> words, boolean help,
                            io.jmultipath.daemon.metrics.MetricsOptions metrics) {

    /** Parses args; IllegalArgumentException with a one-line message on a bad option. */
    public static DaemonOptions parse(List<String> args) {
        boolean d = false;
        boolean s = false;
        int v = 2;
        Optional<Path> config = Optional.empty();
        Optional<Path> root = Optional.empty();
        String dm = "kernel";
        Optional<String> socket = Optional.empty();
        boolean demo = false;
        Optional<String> k = Optional.empty();
        boolean help = false;
        List<String> words = new ArrayList<>();
        Optional<java.net.InetSocketAddress> metricsListen = Optional.empty();
        Optional<Path> metricsFile = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!words.isEmpty()) {
                words.add(a);
                continue;
            }
            switch (a) {
                case "-d" -> d = true;
                case "-s" -> s = true;
                case "-h", "--help" -> help = true;
                case "--demo" -> demo = true;
                case "-v" -> v = number(value(args, ++i, a), a);
                case "--config" -> config = Optional.of(Path.of(value(args, ++i, a)));
                case "--root" -> root = Optional.of(Path.of(value(args, ++i, a)));
                case "--dm" -> dm = value(args, ++i, a);
                case "--socket" -> socket = Optional.of(value(args, ++i, a));
                case "--metrics" -> metricsListen = Optional.of(
                        io.jmultipath.daemon.metrics.MetricsOptions.parseListen(value(args, ++i, a)));
                case "--metrics-file" -> metricsFile = Optional.of(Path.of(value(args, ++i, a)));
                default -> {
                    if (a.startsWith("-k")) {
                        k = Optional.of(a.substring(2));
                    } else if (a.startsWith("-v") && a.length() > 2) {
                        v = number(a.substring(2), "-v");
                    } else if (a.startsWith("--socket=")) {
                        socket = Optional.of(a.substring(9));
                    } else if (a.startsWith("--metrics=")) {
                        metricsListen = Optional.of(io.jmultipath.daemon.metrics.MetricsOptions.parseListen(a.substring(10)));
                    } else if (a.startsWith("--metrics-file=")) {
                        metricsFile = Optional.of(Path.of(a.substring(15)));
                    } else if (a.startsWith("-")) {
                        throw new IllegalArgumentException("Invalid argument '" + a + "'");
                    } else {
                        words.add(a);
                    }
                }
            }
        }
        return new DaemonOptions(d, s, v, config, root, dm, socket, demo, k, List.copyOf(words), help,
                new io.jmultipath.daemon.metrics.MetricsOptions(metricsListen, metricsFile));
    }

    private static String value(List<String> args, int i, String opt) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(opt + ": missing value");
        }
        return args.get(i);
    }

    private static int number(String s, String opt) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + ": not a number: " + s);
        }
    }

    public boolean clientMode() {
        return interactive.isPresent() || !words.isEmpty();
    }

    /** log4j level for -v N (multipath's -v0..-v4). */
    public String logLevel() {
        return switch (Math.max(0, verbosity)) {
            case 0 -> "off";
            case 1 -> "error";
            case 2 -> "info";
            case 3 -> "debug";
            default -> "trace";
        };
    }

    public static final String USAGE = """
            Usage: jmultipathd [-d] [-s] [-v level] [--config FILE] [--root DIR] [--dm kernel|emulated[:FILE]]
                               [--socket NAME] [--metrics HOST:PORT] [--metrics-file FILE] [--demo]
                   jmultipathd -k[command]            interactive shell, or one command
                   jmultipathd <command words...>     one command (e.g. jmultipathd show paths)
              -d        stay in the foreground (always true for jmultipathd; kept for multipathd compatibility)
              -s        no timestamps in the log
              -v N      verbosity 0..4 (default 2)
              --socket  socket name: a path, or @name for an abstract socket (env MULTIPATH_SOCKET_NAME)
              --metrics HOST:PORT  serve Prometheus metrics at http://HOST:PORT/metrics (":PORT" = all addresses)
              --metrics-file FILE  rewrite FILE with the same metrics every polling_interval (node_exporter textfile)
              --demo    run against a built-in simulated SAN (no root, no hardware needed)
            """;
}
