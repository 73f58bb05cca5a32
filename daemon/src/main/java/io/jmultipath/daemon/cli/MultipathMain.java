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
        System.exit(run(List.of(argv), System.out, System.err));
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
                err.println("jmultipath: '" + a.policy().get() + "' is not a valid policy");
                return 1;
            }
        }
        Configurator.Options opts = new Configurator.Options(a.dryRun(), a.forceReload(), a.ignoreWwids(),
                a.bindingsReadOnly(), policy, a.bindingsFile().map(Path::of));
        PathProbe probe = new LivePathProbe(root, SgIos::kernel);
        if (a.addWwid() || a.removeWwid() || a.check()) {
            return new WwidCommands(root, config, probe, opts, out, err).run(a);
        }
        DeviceMapper dm;
        try {
            dm = DeviceMappers.open(a.dm().orElse("kernel"));
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
                return Flush.run(dm, a, out, err);
            }
            if (a.listLevel() > 0) {
                return list(c, a, out);
            }
            return configure(c, a, out, err);
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

    private static int list(Configurator c, MultipathArgs a, PrintStream out) throws IOException {
        Topology t = c.kernelTopology(a.listLevel() >= 2);
        for (MultipathMap m : t.maps()) {
            if (a.device().isPresent() && !matches(m, a.device().get())) {
                continue;
            }
            out.print(Formatter.multipathTopology(m, a.verbosity()));
        }
        return 0;
    }

    static boolean matches(MultipathMap m, String dev) {
        String d = dev.startsWith("/dev/") ? dev.substring(5) : dev;
        if (d.startsWith("mapper/")) {
            d = d.substring(7);
        }
        String devName = d;
        return m.name().equals(devName) || m.wwid().equals(devName)
                || m.dm().map(i -> ("dm-" + i.minor()).equals(devName)).orElse(false)
                || m.paths().stream().anyMatch(p -> p.dev().equals(devName) || p.devT().equals(devName));
    }

    private static int configure(Configurator c, MultipathArgs a, PrintStream out, PrintStream err)
            throws IOException {
        Optional<String> dev = a.device().map(d -> d.startsWith("/dev/") ? d.substring(5) : d);
        Configurator.Result r = c.configure(p -> dev.isEmpty() || p.dev().equals(dev.get())
                || p.devT().equals(dev.get()) || p.wwid().equals(dev.get()));
        if (a.verbosity() >= 1) {
            r.warnings().forEach(err::println);
        }
        if (a.verbosity() >= 3) {
            r.plan().notes().forEach(err::println);
        }
        int rc = 0;
        for (Reconciler.Outcome o : r.outcomes()) {
            if (o.error().isPresent()) {
                err.println(o.error().get());
                rc = 1;
                continue;
            }
            if (o.action() != io.jmultipath.daemon.topology.MapAction.NOTHING) {
                out.print(Formatter.multipathTopology(o.map(), a.verbosity()));
            }
        }
        return rc;
    }
}
