package io.jmultipath.daemon.runtime;

import static io.jmultipath.daemon.server.CliKeyword.FORMAT;
import static io.jmultipath.daemon.server.CliKeyword.MAP;
import static io.jmultipath.daemon.server.CliKeyword.PATH;

import io.jmultipath.daemon.format.Formatter;
import io.jmultipath.daemon.format.JsonFormatter;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.server.ParsedCommand;
import io.jmultipath.daemon.server.Reply;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** list/show commands, answered from an immutable snapshot on the CLI worker thread. */
final class ReadCommands {
    private final HostRoot root;
    private final java.util.function.BooleanSupplier busy;
    private final java.util.function.Supplier<String> daemonState;

    /**
     * @param busy are uevents being serviced right now (show status "busy")
     * @param daemonState the daemon's live state (show daemon)
     */
    ReadCommands(HostRoot root, java.util.function.BooleanSupplier busy, java.util.function.Supplier<String> daemonState) {
        this.root = root;
        this.busy = busy;
        this.daemonState = daemonState;
    }

    Reply handle(ParsedCommand c, Snapshot s) {
        Topology t = s.topology();
        return switch (c.command()) {
            case LIST_PATHS -> Reply.text(Formatter.paths(t, Formatter.PATHS_FORMAT, false));
            case LIST_PATHS_FMT -> Reply.text(Formatter.paths(t, c.require(FORMAT), false));
            case LIST_PATHS_RAW_FMT -> Reply.text(Formatter.paths(t, c.require(FORMAT), true));
            case LIST_PATH -> path(t, c.require(PATH)).map(p -> Reply.text(line(Formatter.path(p, "%o"))))
                    .orElseGet(Reply::deviceNotFound);
            case LIST_MAPS -> Reply.text(Formatter.maps(t, Formatter.MAPS_FORMAT, false));
            case LIST_MAPS_STATUS -> Reply.text(Formatter.maps(t, Formatter.MAPS_STATUS_FORMAT, false));
            case LIST_MAPS_STATS -> Reply.text(Formatter.maps(t, Formatter.MAPS_STATS_FORMAT, false));
            case LIST_MAPS_FMT -> Reply.text(Formatter.maps(t, c.require(FORMAT), false));
            case LIST_MAPS_RAW_FMT -> Reply.text(Formatter.maps(t, c.require(FORMAT), true));
            case LIST_MAPS_TOPOLOGY, LIST_TOPOLOGY -> Reply.text(Formatter.topology(t));
            case LIST_MAPS_JSON -> Reply.text(JsonFormatter.maps(t));
            case LIST_MAP_TOPOLOGY -> map(t, c.require(MAP)).map(m -> Reply.text(Formatter.mapTopology(t, m)))
                    .orElseGet(Reply::deviceNotFound);
            case LIST_MAP_FMT -> map(t, c.require(MAP)).map(m -> Reply.text(Formatter.maps(List.of(m), c.require(FORMAT), false)))
                    .orElseGet(Reply::deviceNotFound);
            case LIST_MAP_RAW_FMT -> map(t, c.require(MAP)).map(m -> Reply.text(Formatter.maps(List.of(m), c.require(FORMAT), true)))
                    .orElseGet(Reply::deviceNotFound);
            case LIST_MAP_JSON -> map(t, c.require(MAP)).map(m -> Reply.text(JsonFormatter.map(m)))
                    .orElseGet(Reply::deviceNotFound);
            case LIST_CONFIG -> Reply.text(s.config().showConfigDaemon());
            case LIST_CONFIG_LOCAL -> Reply.text(configLocal(s));
            case LIST_BLACKLIST -> Reply.text(s.config().blacklist().report());
            case LIST_DEVICES -> Reply.text(devices(s));
            case LIST_WILDCARDS -> Reply.text(Formatter.wildcards());
            case LIST_STATUS -> Reply.text(status(t, busy.getAsBoolean()));
            case LIST_DAEMON -> Reply.text("pid " + ProcessHandle.current().pid() + " " + daemonState.get() + "\n");
            default -> throw new IllegalArgumentException("not a read command: " + c.command());
        };
    }

    /** snprint_path's one line, ending in a newline. */
    private static String line(String s) {
        return s.endsWith("\n") ? s : s + "\n";
    }

    static Optional<MultipathMap> map(Topology t, String key) {
        String k = key.startsWith("/dev/mapper/") ? key.substring(12) : key;
        return t.maps().stream().filter(m -> m.name().equals(k) || m.wwid().equals(k)
                || m.dm().map(d -> ("dm-" + d.minor()).equals(k)).orElse(false)).findFirst();
    }

    static Optional<Path> path(Topology t, String key) {
        String k = key.startsWith("/dev/") ? key.substring(5) : key;
        return t.paths().stream().filter(p -> p.dev().equals(k) || p.devT().equals(k)).findFirst();
    }

    /**
     * show status (snprint_status): checker state counts over every known path (non-zero only, in
     * state order), the paths monitored, and whether uevents are being serviced.
     */
    static String status(Topology t, boolean busy) {
        int[] counts = new int[io.jmultipath.checker.CheckState.values().length];
        for (Path p : t.paths()) {
            counts[p.state().ordinal()]++;
        }
        StringBuilder sb = new StringBuilder("path checker states:\n");
        for (io.jmultipath.checker.CheckState st : io.jmultipath.checker.CheckState.values()) {
            if (counts[st.ordinal()] > 0) {
                sb.append(String.format("%-20s%d%n", st.stateName(), counts[st.ordinal()]));
            }
        }
        sb.append("\npaths: ").append(t.paths().size()).append('\n');
        sb.append("busy: ").append(busy ? "True" : "False").append('\n');
        return sb.toString();
    }

    /** show config local: the device entries of the present paths, the present maps (get_used_hwes). */
    private static String configLocal(Snapshot s) {
        List<io.jmultipath.config.PathIdentity> ids = s.topology().paths().stream()
                .map(p -> io.jmultipath.daemon.maps.SettingsResolver.identity(p.info())).toList();
        Map<String, String> maps = new java.util.LinkedHashMap<>();
        s.topology().maps().forEach(m -> maps.put(m.wwid(), m.name()));
        return s.config().showConfigLocalDaemon(ids, maps);
    }

    /** show devices: every block device with its devnode blacklist verdict. */
    private String devices(Snapshot s) {
        StringBuilder sb = new StringBuilder("available block devices:\n");
        try (Stream<java.nio.file.Path> st = Files.list(root.sysBlock())) {
            List<String> names = st.map(p -> p.getFileName().toString()).sorted().toList();
            for (String n : names) {
                boolean bl = s.config().blacklist().checkDevnode(n).blacklisted();
                boolean monitored = s.topology().paths().stream().anyMatch(p -> p.dev().equals(n));
                sb.append("    ").append(n).append(' ')
                        .append(bl ? "devnode blacklisted, unmonitored"
                                : monitored ? " devnode whitelisted, monitored" : "devnode whitelisted, unmonitored")
                        .append('\n');
            }
        } catch (IOException e) {
            sb.append("    ").append(root.display(root.sysBlock())).append(": ").append(e.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
