package io.jmultipath.daemon.runtime;

import static io.jmultipath.daemon.server.CliKeyword.GROUP;
import static io.jmultipath.daemon.server.CliKeyword.MAP;
import static io.jmultipath.daemon.server.CliKeyword.PATH;

import io.jmultipath.daemon.server.ParsedCommand;
import io.jmultipath.daemon.server.Reply;
import io.jmultipath.daemon.topology.DmPathState;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.dmctl.DmException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Function;

/** Commands that change state; they run on the engine's owner thread. */
final class WriteCommands {
    private final Engine e;
    private final DaemonControl control;

    WriteCommands(Engine e, DaemonControl control) {
        this.e = e;
        this.control = control;
    }

    Reply handle(ParsedCommand c) {
        try {
            return dispatch(c);
        } catch (DmException ex) {
            return Reply.fail(ex.getMessage());
        }
    }

    private Reply dispatch(ParsedCommand c) {
        return switch (c.command()) {
            case FAIL_PATH -> withMappedPath(c, p -> {
                MapRuntime m = e.mapOf(p).get();
                e.manuallyFailed.add(p.dev());
                e.policy.failPath(m, p, p.dev() + ": fail path (operator)");
                return Reply.ok();
            });
            case REINSTATE_PATH -> withMappedPath(c, p -> {
                MapRuntime m = e.mapOf(p).get();
                e.manuallyFailed.remove(p.dev());
                if (p.dmState() == DmPathState.FAILED) {
                    e.policy.reinstatePath(m, p.withState(io.jmultipath.checker.CheckState.UP), p.state());
                }
                e.scheduler.checkSoon(p.dev());
                return Reply.ok();
            });
            case SWITCH_GROUP -> withMap(c, m -> {
                int g;
                try {
                    g = Integer.parseInt(c.require(GROUP));
                } catch (NumberFormatException ex) {
                    return Reply.fail("invalid group " + c.require(GROUP));
                }
                if (g < 1 || g > m.map.groups().size()) {
                    return Reply.fail(m.name + ": no path group " + g);
                }
                return e.policy.switchGroup(m, g) || g == m.currentPg ? Reply.ok() : Reply.fail();
            });
            case DISABLEQ_MAP -> withMap(c, this::disableQueueing);
            case RESTOREQ_MAP -> withMap(c, this::restoreQueueing);
            case DISABLEQ_MAPS -> all(this::disableQueueing);
            case RESTOREQ_MAPS -> all(this::restoreQueueing);
            case FORCEQ_DAEMON -> {
                e.queueWithoutDaemon = true;
                yield Reply.ok();
            }
            case RESTOREQ_DAEMON -> {
                e.queueWithoutDaemon = Engine.yes(e.config.defaults("queue_without_daemon").value());
                yield Reply.ok();
            }
            case RESET_MAPS_STATS -> all(m -> {
                m.resetStats();
                return Reply.ok();
            });
            case RESET_MAP_STATS -> withMap(c, m -> {
                m.resetStats();
                return Reply.ok();
            });
            case SUSPEND_MAP -> withMap(c, m -> {
                e.deps.dm().suspend(m.name, true, false);
                Engine.LOG.info("{}: suspended (operator)", m.name);
                return Reply.ok();
            });
            case RESUME_MAP -> withMap(c, m -> {
                e.deps.dm().resume(m.name, io.jmultipath.dmctl.MpathUdevFlags.resume(m.settings.skipKpartx()));
                Engine.LOG.info("{}: resumed (operator)", m.name);
                return Reply.ok();
            });
            case RELOAD_MAP, RESIZE_MAP -> withMap(c, m -> {
                e.reconcile.run(c.command() == io.jmultipath.daemon.server.CliCommand.RESIZE_MAP ? "resize" : "reload", true);
                return Reply.ok();
            });
            case RESET_MAP -> withMap(c, m -> Reply.ok());
            case ADD_PATH -> {
                String dev = strip(c.require(PATH), "/dev/");
                if (e.config.blacklist().checkDevnode(dev).blacklisted()) {
                    yield Reply.text("blacklisted\n");
                }
                e.onUevents(java.util.List.of(new io.jmultipath.daemon.uevent.MergedUevent(
                        io.jmultipath.daemon.uevent.Uevent.of("add", "/block/" + dev,
                                java.util.Map.of("SUBSYSTEM", "block", "DEVTYPE", "disk", "DEVNAME", dev),
                                io.jmultipath.daemon.uevent.Uevent.Origin.SYNTHETIC), java.util.List.of())));
                yield e.paths.containsKey(dev) ? Reply.ok() : Reply.fail(dev + ": path not added");
            }
            case DEL_PATH -> {
                Optional<Path> p = e.findPath(c.require(PATH));
                if (p.isEmpty()) {
                    yield Reply.deviceNotFound();
                }
                e.discovered.remove(p.get().dev());
                e.reconcile.run("del path", false);
                yield Reply.ok();
            }
            case ADD_MAP -> {
                String k = strip(c.require(MAP), "/dev/mapper/");
                e.suppressed.removeIf(w -> w.equals(k) || e.maps.values().stream().noneMatch(m -> m.wwid.equals(w)));
                e.reconcile.run("add map", false);
                yield e.findMap(k).isPresent() ? Reply.ok() : Reply.deviceNotFound();
            }
            case DEL_MAP -> withMap(c, m -> Reconcile.delMap(e, m) ? Reply.ok() : Reply.busy());
            case DEL_MAPS -> {
                boolean busy = false;
                for (MapRuntime m : new ArrayList<>(e.maps.values())) {
                    busy |= !Reconcile.delMap(e, m);
                }
                yield busy ? Reply.busy() : Reply.ok();
            }
            case RECONFIGURE_CMD -> control.reconfigure(false);
            case RECONFIGURE_ALL -> control.reconfigure(true);
            case SHUTDOWN_CMD -> {
                control.shutdown();
                yield Reply.ok();
            }
            case QUIT_CMD -> Reply.ok();
            case SETMARGINAL_PATH, UNSETMARGINAL_PATH, UNSETMARGINAL_MAP ->
                    Reply.fail("marginal path groups are not supported by jmultipathd");
            default -> Reply.fail("persistent reservations are not supported by jmultipathd (use mpathpersist with multipathd)");
        };
    }

    private static String strip(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    private Reply disableQueueing(MapRuntime m) {
        m.queueingDisabled = true;
        m.inRecovery = false;
        m.retryTick = 0;
        e.message(m, "fail_if_no_path");
        e.markDirty();
        return Reply.ok();
    }

    private Reply restoreQueueing(MapRuntime m) {
        m.queueingDisabled = false;
        if (m.noPathRetryCount().isPresent() || m.queuesForever()) {
            if (e.policy.activePaths(m) == 0 && m.noPathRetryCount().isPresent()) {
                e.policy.enterRecovery(m);
            }
            e.message(m, "queue_if_no_path");
        }
        e.markDirty();
        return Reply.ok();
    }

    private Reply all(Function<MapRuntime, Reply> f) {
        for (MapRuntime m : new ArrayList<>(e.maps.values())) {
            f.apply(m);
        }
        return Reply.ok();
    }

    private Reply withMap(ParsedCommand c, Function<MapRuntime, Reply> f) {
        return e.findMap(c.require(MAP)).map(f).orElseGet(Reply::deviceNotFound);
    }

    private Reply withMappedPath(ParsedCommand c, Function<Path, Reply> f) {
        Optional<Path> p = e.findPath(c.require(PATH));
        if (p.isEmpty() || e.mapOf(p.get()).isEmpty()) {
            return Reply.deviceNotFound();
        }
        return f.apply(p.get());
    }
}
