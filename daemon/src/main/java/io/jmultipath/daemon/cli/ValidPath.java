package io.jmultipath.daemon.cli;

import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.discovery.SysfsReader;
import io.jmultipath.daemon.host.HostRoot;
import io.jmultipath.daemon.maps.FindMultipaths;
import io.jmultipath.daemon.maps.KernelMaps;
import io.jmultipath.daemon.maps.MapPlanner;
import io.jmultipath.daemon.maps.SettingsResolver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jmultipath -c /dev/sdX}: should this device be a multipath path? As multipath(8) 0.9.4
 * (is_path_valid + check_path_valid): prints {@code DM_MULTIPATH_DEVICE_PATH="1"} (exit 0) or
 * {@code "0"} (exit 1); with find_multipaths smart a lone path is "2" (maybe) while its timeout
 * runs, preceded by {@code FIND_MULTIPATHS_WAIT_UNTIL="SECS.USECS"} (the time left), and "0" with
 * {@code FIND_MULTIPATHS_WAIT_UNTIL="0"} once it has expired. The timestamp lives in
 * /run/multipath/find_multipaths/&lt;maj:min&gt;. Errors (no such block device) print nothing and exit 1.
 */
final class ValidPath {

    enum Verdict { ERROR, NOT_VALID, VALID, VALID_NO_CHECK, MAYBE }

    private final HostRoot root;
    private final RefWwid ctx;
    private final FindMultipaths find;
    private final Set<String> knownWwids;
    private final KernelMaps kernel;
    private final Optional<String> releasedEnv;
    private final Instant now;

    ValidPath(HostRoot root, RefWwid ctx, FindMultipaths find, Set<String> knownWwids, KernelMaps kernel,
              Optional<String> releasedEnv, Instant now) {
        this.root = root;
        this.ctx = ctx;
        this.find = find;
        this.knownWwids = knownWwids;
        this.kernel = kernel;
        this.releasedEnv = releasedEnv;
        this.now = now;
    }

    int run(DevArg a, PrintStream out, java.util.function.Consumer<String> log) throws IOException {
        if (a.kind() != DevArg.Kind.DEVNODE) {
            // a dev_t is not a block device name: is_path_valid fails, nothing printed
            log.accept("sysfs_is_multipathed: error scanning /sys/block/" + a.name() + "/holders");
            return 1;
        }
        String name = a.name();
        if (multipathedBySysfs(name)) {
            return print(Verdict.VALID, Optional.empty(), false, out);
        }
        if (!Files.exists(root.sysBlock().resolve(name))) {
            return 1;
        }
        Optional<DiscoveredPath> raw = ctx.path(a);
        if (raw.isEmpty()) {
            // not a path candidate (loop0, dm-3, ...): the default devnode blacklist keeps it out
            return print(Verdict.NOT_VALID, Optional.empty(), false, out);
        }
        MapPlanner planner = ctx.planner();
        DiscoveredPath p = planner.withWwid(raw.get());
        Verdict v = verdict(p, planner);
        if ((v == Verdict.VALID || v == Verdict.MAYBE) && releasedEnv.filter("0"::equals).isPresent()) {
            v = Verdict.NOT_VALID;
        }
        if (v == Verdict.VALID_NO_CHECK) {
            v = Verdict.VALID;
        }
        boolean counted = false;
        if (v == Verdict.MAYBE) {
            counted = true;
            String wwid = p.wwid().orElseThrow();
            long same = ctx.paths().stream().filter(o -> !planner.settings().config().blacklist()
                            .checkDevnode(o.dev()).blacklisted())
                    .map(planner::withWwid).filter(o -> o.wwid().equals(Optional.of(wwid))).count();
            if (same > 1) {
                v = Verdict.VALID;
            }
        }
        return print(v, Optional.of(p), counted, out);
    }

    private Verdict verdict(DiscoveredPath p, MapPlanner planner) {
        if (planner.blacklist(p).blacklisted() || p.wwid().isEmpty()) {
            return Verdict.NOT_VALID;
        }
        String wwid = p.wwid().get();
        if (Files.exists(root.resolve("/run/multipath/failed_wwids").resolve(wwid))) {
            return Verdict.NOT_VALID;
        }
        String mode = find.mode();
        if ((mode.equals("greedy") || mode.equals("smart")) && !p.holders().isEmpty()) {
            return Verdict.NOT_VALID; // in use
        }
        if (mode.equals("greedy")) {
            return Verdict.VALID;
        }
        if (knownWwids.contains(wwid)) {
            return Verdict.VALID_NO_CHECK;
        }
        if (kernel.byWwid(wwid).isPresent()) {
            return Verdict.VALID;
        }
        return mode.equals("smart") ? Verdict.MAYBE : Verdict.NOT_VALID;
    }

    /** sysfs_is_multipathed: a holder whose dm uuid starts with "mpath-". */
    private boolean multipathedBySysfs(String name) throws IOException {
        Path holders = root.sysBlock().resolve(name).resolve("holders");
        if (!Files.isDirectory(holders)) {
            return false;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(holders)) {
            for (Path h : ds) {
                Optional<String> uuid = SysfsReader.text(h.resolve("dm/uuid"));
                if (uuid.isPresent() && uuid.get().length() > KernelMaps.UUID_PREFIX.length()
                        && uuid.get().startsWith(KernelMaps.UUID_PREFIX)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** print_cmd_valid. */
    private int print(Verdict v, Optional<DiscoveredPath> p, boolean counted, PrintStream out) throws IOException {
        Wait wait = Wait.NEVER;
        long[] left = new long[2];
        if (v == Verdict.MAYBE) {
            wait = checkTimeout(p.get(), timeout(p.get()), left);
            if (wait != Wait.WAITING) {
                v = Verdict.NOT_VALID;
            }
        } else if (counted && p.isPresent()) {
            wait = checkTimeout(p.get(), 0, left);
        }
        if (wait == Wait.WAITING) {
            out.printf("FIND_MULTIPATHS_WAIT_UNTIL=\"%d.%06d\"%n", left[0], left[1]);
        } else if (wait == Wait.DONE) {
            out.println("FIND_MULTIPATHS_WAIT_UNTIL=\"0\"");
        }
        out.println("DM_MULTIPATH_DEVICE_PATH=\"" + (v == Verdict.MAYBE ? 2 : v == Verdict.VALID ? 1 : 0) + "\"");
        return v == Verdict.NOT_VALID ? 1 : 0;
    }

    enum Wait { DONE, WAITING, NEVER }

    /**
     * select_find_multipaths_timeout: the configured value; a negative one means its absolute value
     * for hardware with a device entry, 1 s for unknown hardware.
     */
    private long timeout(DiscoveredPath p) {
        SettingsResolver sr = ctx.planner().settings();
        long t;
        try {
            t = Long.parseLong(sr.config().defaults("find_multipaths_timeout").value().strip());
        } catch (IllegalArgumentException e) {
            t = -10;
        }
        if (t < 0) {
            t = sr.config().matchingEntries(SettingsResolver.identity(p)).isEmpty() ? 1 : -t;
        }
        return t;
    }

    /** find_multipaths_check_timeout: the per-dev_t timestamp file holds the expiry as its mtime. */
    private Wait checkTimeout(DiscoveredPath p, long tmo, long[] left) throws IOException {
        Path f = root.resolve("/run/multipath/find_multipaths").resolve(p.devT());
        Instant expiry;
        if (Files.exists(f)) {
            expiry = Files.getLastModifiedTime(f).toInstant();
        } else if (tmo > 0) {
            Files.createDirectories(f.getParent());
            Files.createFile(f);
            expiry = now.plusSeconds(tmo);
            Files.setLastModifiedTime(f, FileTime.from(expiry));
        } else {
            return Wait.NEVER;
        }
        java.time.Duration d = java.time.Duration.between(now, expiry);
        if (d.getSeconds() <= 0) {
            return Wait.DONE;
        }
        left[0] = d.getSeconds();
        left[1] = d.getNano() / 1000;
        return Wait.WAITING;
    }
}
