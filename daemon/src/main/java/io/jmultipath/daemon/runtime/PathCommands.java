package io.jmultipath.daemon.runtime;

import static io.jmultipath.daemon.server.CliKeyword.MAP;
import static io.jmultipath.daemon.server.CliKeyword.PATH;

import io.jmultipath.daemon.server.ParsedCommand;
import io.jmultipath.daemon.server.Reply;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.daemon.uevent.MergedUevent;
import io.jmultipath.daemon.uevent.Uevent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Path commands (cli_fail, cli_reinstate, cli_add_path, cli_del_path, cli_set/unset_marginal). */
final class PathCommands {
    private final Engine e;

    PathCommands(Engine e) {
        this.e = e;
    }

    Reply handle(ParsedCommand c) {
        return switch (c.command()) {
            case FAIL_PATH -> fail(c);
            case REINSTATE_PATH -> reinstate(c);
            case ADD_PATH -> add(WriteCommands.strip(c.require(PATH), "/dev/"));
            case DEL_PATH -> del(WriteCommands.strip(c.require(PATH), "/dev/"));
            case SETMARGINAL_PATH -> marginal(c, true);
            case UNSETMARGINAL_PATH -> marginal(c, false);
            case UNSETMARGINAL_MAP -> e.findMap(c.require(MAP)).map(m -> {
                Engine.LOG.info("{}: unset all marginal paths (operator)", m.name);
                boolean changed = false;
                for (Path p : m.map.paths()) {
                    changed |= setMarginal(p.dev(), false);
                }
                regroup(changed);
                return Reply.ok();
            }).orElseGet(() -> Reply.fail(c.require(MAP) + ": invalid map name. cannot unset marginal paths"));
            default -> throw new IllegalArgumentException("not a path command: " + c.command());
        };
    }

    /** dm fail_path, then the path is marked failed and its checker disabled until reinstate. */
    private Reply fail(ParsedCommand c) {
        Optional<Path> po = WriteCommands.mappedPath(e, c);
        if (po.isEmpty()) {
            return Reply.fail(c.require(PATH) + ": no such path in a map");
        }
        Path p = po.get();
        MapRuntime m = e.mapOf(p).get();
        Engine.LOG.info("{}: fail path {} (operator)", m.name, p.devT());
        if (!e.message(m, "fail_path " + p.devT())) {
            return Reply.fail(m.name + ": fail_path " + p.devT() + " refused");
        }
        e.policy.syncFromKernel(m, true); // as the dm event would: "mark as failed", counters, recovery
        e.manuallyFailed.add(p.dev());
        return Reply.ok();
    }

    /** Checker enabled again and dm reinstate_path; the next check confirms the path's state. */
    private Reply reinstate(ParsedCommand c) {
        Optional<Path> po = WriteCommands.mappedPath(e, c);
        if (po.isEmpty()) {
            return Reply.fail(c.require(PATH) + ": no such path in a map");
        }
        Path p = po.get();
        MapRuntime m = e.mapOf(p).get();
        Engine.LOG.info("{}: reinstate path {} (operator)", m.name, p.devT());
        e.manuallyFailed.remove(p.dev());
        if (!e.message(m, "reinstate_path " + p.devT())) {
            return Reply.fail(m.name + ": reinstate_path " + p.devT() + " refused");
        }
        e.policy.syncFromKernel(m, false);
        e.scheduler.checkSoon(p.dev());
        return Reply.ok();
    }

    /** cli_add_path: a blacklisted path answers "blacklisted"; a known mapped path is "ok". */
    private Reply add(String dev) {
        Engine.LOG.info("{}: add path (operator)", dev);
        if (!io.jmultipath.daemon.uevent.UeventFilter.safeKernelName(dev)) {
            return Reply.fail(dev + ": can't find path"); // no path of /sys/block but its own entries
        }
        if (e.config.blacklist().checkDevnode(dev).blacklisted()) {
            Engine.LOG.info("{}: path blacklisted", dev);
            return Reply.text("blacklisted\n");
        }
        Path known = e.paths.get(dev);
        if (known != null) {
            Engine.LOG.info("{}: path already in pathvec", dev);
            if (known.mapName().isPresent()) {
                return Reply.ok();
            }
        }
        if (!e.deps.root().sysBlock().resolve(dev).toFile().exists()) {
            return Reply.fail(dev + ": can't find path");
        }
        e.onUevents(List.of(new MergedUevent(Uevent.of("add", "/block/" + dev,
                Map.of("SUBSYSTEM", "block", "DEVTYPE", "disk", "DEVNAME", dev), Uevent.Origin.SYNTHETIC), List.of())));
        if (e.blacklisted.contains(dev)) {
            Engine.LOG.info("{}: path blacklisted", dev);
            return Reply.text("blacklisted\n");
        }
        return e.paths.containsKey(dev) ? Reply.ok() : Reply.fail(dev + ": failed to store path info");
    }

    private Reply del(String key) {
        Engine.LOG.info("{}: remove path (operator)", key);
        Optional<Path> p = e.findPath(key);
        if (p.isEmpty()) {
            return Reply.fail(key + ": path already removed");
        }
        e.discovered.remove(p.get().dev());
        e.reconcile.run("del path", false);
        return Reply.ok();
    }

    private Reply marginal(ParsedCommand c, boolean on) {
        Optional<Path> po = WriteCommands.mappedPath(e, c);
        if (po.isEmpty()) {
            return Reply.fail(c.require(PATH) + ": no such path in a map");
        }
        Path p = po.get();
        Engine.LOG.info("{}: {} marginal path {} (operator)", e.mapOf(p).get().name, on ? "set" : "unset", p.devT());
        regroup(setMarginal(p.dev(), on));
        return Reply.ok();
    }

    /** True when the flag changed. */
    private boolean setMarginal(String dev, boolean on) {
        Path p = e.paths.get(dev);
        if (p != null && p.marginal() != on) {
            e.paths.put(dev, new Path(p.info(), p.checker(), p.state(), p.priority(), p.dmState(), p.failCount(),
                    p.mapName(), on, p.nextCheck()));
            e.markDirty();
            return true;
        }
        return false;
    }

    /** update_path_groups: with marginal_pathgroups on the map is regrouped and reloaded. */
    private void regroup(boolean changed) {
        if (changed) {
            e.reconcile.run("marginal", false);
        }
    }
}
