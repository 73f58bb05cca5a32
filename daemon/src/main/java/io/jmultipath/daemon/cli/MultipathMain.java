package io.jmultipath.daemon.cli;

import io.jmultipath.checker.scsi.SgIos;
import io.jmultipath.config.Config;
import io.jmultipath.config.ConfigException;
import io.jmultipath.config.ConfigLoader;
import io.jmultipath.config.LoadResult;
import io.jmultipath.daemon.format.Formatter;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.Configurator;
import io.jmultipath.daemon.maps.LivePathProbe;
import io.jmultipath.daemon.maps.PathProbe;
import io.jmultipath.daemon.maps.Reconciler;
import io.jmultipath.daemon.topology.MapAction;
import io.jmultipath.daemon.topology.MultipathMap;
import io.jmultipath.daemon.topology.PgPolicy;
import io.jmultipath.daemon.topology.Topology;
import io.jmultipath.dmctl.DeviceMapper;
import io.jmultipath.dmctl.DeviceMappers;
import io.jmultipath.dmctl.DmException;
import io.jmultipath.dmctl.cli.DmCommand;
import io.jmultipath.selector.sim.SimulateCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jmultipath}: the multipath(8) one-shot tool. Flags as multipath-tools (-v0..3, -d, -l, -ll,
 * -f, -F, -r, -c, -a, -w, -W, -i, -B, -b, -p, -t, -T, -h) plus --config FILE, --root DIR and
 * --dm kernel|emulated[:FILE]; subcommands {@code dm …} and {@code simulate …}.
 */
public final class MultipathMain {

    private MultipathMain() {
    }

    public static void main(String[] argv) {
        configureLogging(List.of(argv));
        System.exit(run(List.of(argv), System.out, System.err));
    }

    /**
     * Before the first logger exists: library logging goes to stderr (stdout carries only what
     * multipath prints there), at a level following -v (the tool reports warnings itself).
     */
    static void configureLogging(List<String> argv) {
        if (System.getProperty("jm.log.target") == null) {
            System.setProperty("jm.log.target", "SYSTEM_ERR");
        }
        if (System.getProperty("jm.log.level") == null) {
            int v = 2;
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                if (a.startsWith("-v") && a.length() > 2 && Character.isDigit(a.charAt(2))) {
                    v = a.charAt(2) - '0';
                } else if (a.equals("-v") && i + 1 < argv.size() && !argv.get(i + 1).isEmpty()
                        && Character.isDigit(argv.get(i + 1).charAt(0))) {
                    v = argv.get(i + 1).charAt(0) - '0';
                }
            }
            String level = v <= 0 ? "off" : v <= 2 ? "error" : v == 3 ? "info" : "debug";
            System.setProperty("jm.log.level", level);
            if (System.getProperty("log4j2.loggerContextFactory") == null
                    && System.getProperty("log4j2.configurationFile") == null) {
                // a one-shot run needs no log4j-core (its XML config costs ~0.2 s of startup):
                // log4j-api's simple logger on stderr, "LEVEL message"
                System.setProperty("log4j2.loggerContextFactory",
                        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
                System.setProperty("org.apache.logging.log4j.simplelog.level", level.toUpperCase(java.util.Locale.ROOT));
                System.setProperty("org.apache.logging.log4j.simplelog.showlogname", "false");
                System.setProperty("org.apache.logging.log4j.simplelog.showShortLogname", "false");
                System.setProperty("org.apache.logging.log4j.simplelog.showdatetime", "false");
            }
        }
    }

    public static int run(List<String> argv, PrintStream out, PrintStream err) {
        try {
            return dispatch(argv, out, err);
        } catch (RuntimeException e) {
            err.println("jmultipath: " + e.getMessage());
            return 1;
        }
    }

    private static int dispatch(List<String> argv, PrintStream out, PrintStream err) {
        List<String> global = new ArrayList<>();
        int i = 0;
        while (i < argv.size() && argv.get(i).startsWith("--")) {
            global.add(argv.get(i));
            if (!argv.get(i).contains("=") && i + 1 < argv.size()) {
                global.add(argv.get(++i));
            }
            i++;
        }
        if (i < argv.size() && (argv.get(i).equals("dm") || argv.get(i).equals("simulate"))) {
            List<String> rest = argv.subList(i + 1, argv.size());
            if (argv.get(i).equals("simulate")) {
                return SimulateCommand.run(rest, out, err);
            }
            String spec = "kernel";
            for (int k = 0; k + 1 < global.size(); k++) {
                if (global.get(k).equals("--dm")) {
                    spec = global.get(k + 1);
                }
            }
            return DmCommand.run(rest, spec, out, err);
        }
        MultipathArgs a;
        try {
            a = MultipathArgs.parse(argv);
        } catch (MultipathArgs.UsageException e) {
            err.println("jmultipath: " + e.getMessage());
            err.print(Usage.TEXT);
            return 1;
        }
        if (a.help()) {
            out.print(Usage.TEXT);
            return 0;
        }
        HostRoot root = a.root().map(HostRoot::of).orElse(HostRoot.system());
        Config config;
        try {
            Path main = a.configFile().map(Path::of).orElse(root.multipathConf());
            if (a.configFile().isPresent() && !java.nio.file.Files.isRegularFile(main)) {
                // a missing /etc/multipath.conf means built-in defaults; a named file must exist
                err.println("jmultipath: --config " + main + ": no such file");
                return 1;
            }
            LoadResult lr = ConfigLoader.load(main, root.confDir());
            if (a.verbosity() >= 1) {
                lr.warnings().forEach(w -> err.println(w.toString()));
            }
            config = lr.config();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (a.showConfig() == 1) {
            printConfig(out, config.showConfig());
            return 0;
        }
        if (a.showConfig() == 2) {
            return LocalConfig.print(root, config, a.dm().orElse("kernel"), out, err);
        }
        Optional<PgPolicy> policy = Optional.empty();
        if (a.policy().isPresent()) {
            policy = PgPolicy.parse(a.policy().get());
            if (policy.isEmpty()) {
                out.println("'" + a.policy().get() + "' is not a valid policy");
                err.print(Usage.TEXT);
                return 1;
            }
        }
        Optional<DevArg> dev = a.device().map(d -> DevArg.classify(d, root));
        if (dev.isPresent() && dev.get().kind() == DevArg.Kind.NONE) {
            err.println("'" + dev.get().text() + "' is not a valid argument");
            return 1;
        }
        if (a.check() && (dev.isEmpty() || !dev.get().isPath())) {
            err.println("the -c option requires a path to check");
            return 1;
        }
        if (a.removeWwid() && dev.isEmpty()) {
            err.println("the -w option requires a device");
            return 1;
        }
        if (a.flushOne() && (dev.isEmpty() || dev.get().kind() != DevArg.Kind.DEVMAP)) {
            err.println("the -f option requires a map name to remove");
            return 1;
        }
        Configurator.Options opts = new Configurator.Options(a.dryRun(), a.forceReload(), a.ignoreWwids(),
                a.bindingsReadOnly(), policy, a.bindingsFile().map(Path::of));
        PathProbe probe = new LivePathProbe(root, SgIos::kernel);
        String dmSpec = a.dm().orElse("kernel");
        if (a.addWwid() || a.removeWwid() || a.check()) {
            // these work without device-mapper too (no maps then), like multipath(8)
            DeviceMapper dm = null;
            try {
                dm = DeviceMappers.open(dmSpec);
            } catch (DmException | IllegalArgumentException e) {
                dm = null;
            }
            try {
                return new WwidCommands(root, config, probe, opts, out, err).run(a, dev, dm);
            } finally {
                if (dm != null) {
                    dm.close();
                }
            }
        }
        DeviceMapper dm;
        try {
            dm = DeviceMappers.open(dmSpec);
        } catch (DmException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("jmultipath: " + e.getMessage());
            return 1;
        }
        try (dm) {
            Configurator c = new Configurator(root, config, dm, probe, opts);
            if (a.resetWwids()) {
                return new WwidCommands(root, config, probe, opts, out, err).reset(dm);
            }
            if (a.flushAll() || a.flushOne()) {
                return Flush.run(dm, a, dev, out, err);
            }
            Optional<String> ref = Optional.empty();
            if (dev.isPresent()) {
                ref = new WwidCommands(root, config, probe, opts, out, err).refWwid(dev.get(), dm, true);
                if (ref.isEmpty()) {
                    return 1; // "scope is null"
                }
            }
            if (a.listLevel() > 0) {
                return list(c, root, a, ref, out, err);
            }
            return configure(c, dm, root, a, ref, out, err);
        } catch (IOException e) {
            err.println("jmultipath: " + e.getMessage());
            return 1;
        } catch (DmException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /**
     * Config text back as the bytes it was read from: files are decoded ISO-8859-1 (one char per
     * byte, like C), so a non-ASCII byte in a quoted value prints as that same byte, as multipath -t.
     */
    static void printConfig(PrintStream out, String text) {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, text.length());
        out.flush();
    }

    private static int list(Configurator c, HostRoot root, MultipathArgs a, Optional<String> ref, PrintStream out,
                            PrintStream err) throws IOException {
        Topology t = c.kernelTopology(a.listLevel() >= 2);
        boolean any = false;
        for (MultipathMap m : t.maps()) {
            if (ref.isPresent() && !m.wwid().equals(ref.get())) {
                continue;
            }
            any = true;
            out.print(Formatter.multipathTopology(m, a.verbosity()));
        }
        if (any) {
            warnWithoutDaemon(root, a, err);
        }
        return 0;
    }

    private static int configure(Configurator c, DeviceMapper dm, HostRoot root, MultipathArgs a,
                                 Optional<String> ref, PrintStream out, PrintStream err) throws IOException {
        Configurator.Result r = c.configure(ref);
        ToolLog log = new ToolLog(a.verbosity(), err);
        r.warnings().forEach(w -> log.log(1, w));
        r.plan().notes().forEach(n -> log.log(3, n));
        r.plan().discards().forEach(d -> log.log(0, d));
        // without a daemon to end it, queueing would hang I/O forever: unless -q, every map is
        // switched to fail_if_no_path after it was set up (coalesce_paths)
        boolean noDaemon = !a.dryRun() && !a.allowQueueing() && !DaemonCheck.running(root, System.getenv());
        int rc = 0;
        java.util.List<MultipathMap> switchTo = new java.util.ArrayList<>();
        for (int i = 0; i < r.outcomes().size(); i++) {
            Reconciler.Outcome o = r.outcomes().get(i);
            boolean rejected = o.action() == MapAction.REJECT;
            boolean planReject = r.plan().maps().get(i).rejected(); // paths of different sizes
            boolean nameReject = o.error().map(e -> e.contains("already taken by a non-multipath map")).orElse(false);
            o.notes().forEach(n -> log.log(2, n));
            if (o.error().isPresent() && !planReject) {
                log.log(nameReject ? 1 : 0, o.error().get());
            }
            c.scsiTimeouts(r.plan().maps().get(i)).forEach(n -> log.log(n.level(), n.text()));
            if (rejected && !planReject && !nameReject) {
                // domap failed (an ioctl error): the map is ignored and not printed; the run goes on
                log.log(2, o.map().name() + ": ignoring map");
                continue;
            }
            if (!a.dryRun() && o.loadedTable().isPresent()) {
                log.log(2, o.map().name() + ": " + (o.action() == MapAction.CREATE ? "addmap" : "reload")
                        + " [0 " + o.map().sizeSectors() + " multipath " + o.loadedTable().get() + "]");
            }
            MultipathMap shown = o.map();
            if (a.dryRun()) {
                // ACT_DRY_RUN: every considered map is shown (select_action is not run), with an empty action
                if (!rejected) {
                    shown = shown.withAction(MapAction.DRY_RUN);
                }
                out.print(Formatter.multipathTopology(shown, a.verbosity()));
                continue;
            }
            if (!rejected && (o.action().loadsTable() || o.action().renames())) {
                switchTo.add(shown);
            }
            if (noDaemon && !rejected) {
                shown = failIfNoPath(dm, shown, log);
            }
            if (o.action() != MapAction.NOTHING) {
                out.print(Formatter.multipathTopology(shown, a.verbosity()));
            }
        }
        if (!switchTo.isEmpty()) {
            // domap in client mode: after a successful create/reload/rename, switch to the best group;
            // first let udev process the new tables (what the udev cookie wait gives multipath), or
            // its probing I/O would make the kernel pick a group again
            UdevSettle.await(root);
            for (MultipathMap m : switchTo) {
                try {
                    dm.message(m.name(), 0, "switch_group " + m.nextPg());
                } catch (DmException e) {
                    log.log(3, m.name() + ": switch_group " + m.nextPg() + ": " + e.getMessage());
                }
            }
        }
        if (!a.dryRun() && (!r.outcomes().isEmpty() || r.kernelMapsBefore() > 0)) {
            warnWithoutDaemon(root, a, err);
        }
        return rc;
    }

    /** dm_queue_if_no_path(map, 0): "fail_if_no_path", and the feature goes from what is printed. */
    private static MultipathMap failIfNoPath(DeviceMapper dm, MultipathMap m, ToolLog log) {
        if (m.features().contains("queue_if_no_path")) {
            log.log(3, m.name() + ": multipathd not running, unset queue_if_no_path feature");
        }
        try {
            dm.message(m.name(), 0, "fail_if_no_path");
        } catch (DmException e) {
            log.log(3, m.name() + ": fail_if_no_path: " + e.getMessage());
            return m;
        }
        java.util.List<String> words = new java.util.ArrayList<>(java.util.Arrays.asList(m.features().strip().split("\\s+")));
        if (!words.isEmpty()) {
            words.remove(0);
        }
        words.remove("queue_if_no_path");
        return m.withFeatures(words.isEmpty() ? "0" : words.size() + " " + String.join(" ", words));
    }

    private static void warnWithoutDaemon(HostRoot root, MultipathArgs a, PrintStream err) {
        if (!DaemonCheck.running(root, System.getenv())) {
            new ToolLog(a.verbosity(), err).log(2, "Warning: multipath devices exist, but multipathd service is not running");
        }
    }
}
