package io.jmultipath.daemon.runtime;

import static io.jmultipath.daemon.server.CliKeyword.GROUP;
import static io.jmultipath.daemon.server.CliKeyword.MAP;
import static io.jmultipath.daemon.server.CliKeyword.PATH;

import io.jmultipath.daemon.server.ParsedCommand;
import io.jmultipath.daemon.server.Reply;
import io.jmultipath.daemon.topology.Path;
import io.jmultipath.dmctl.DmException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Function;

/**
 * Commands that change state (multipathd cli_handlers.c); they run on the engine's owner thread.
 * Replies and log lines follow multipathd 0.9.4; a failure's reason goes to the log.
 */
final class WriteCommands {
    private final Engine e;
    private final DaemonControl control;
    private final PathCommands pathCmds;
    private final PrCommands pr;

    WriteCommands(Engine e, DaemonControl control) {
        this.e = e;
        this.control = control;
        this.pathCmds = new PathCommands(e);
        this.pr = new PrCommands(e);
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
            case FAIL_PATH, REINSTATE_PATH, ADD_PATH, DEL_PATH, SETMARGINAL_PATH, UNSETMARGINAL_PATH,
                    UNSETMARGINAL_MAP -> pathCmds.handle(c);
            case SWITCH_GROUP -> withMap(c, m -> {
                int g = atoi(c.require(GROUP));
                Engine.LOG.info("{}: switch to path group #{} (operator)", m.name, g);
                if (!e.message(m, "switch_group " + g)) {
                    return Reply.fail(m.name + ": switch_group " + g + " refused");
                }
                e.policy.syncFromKernel(m, false);
                return Reply.ok();
            });
            case DISABLEQ_MAP -> withMap(c, m -> {
                Engine.LOG.info("{}: disable map queueing (operator)", m.name);
                return disableQueueing(m);
            });
            case RESTOREQ_MAP -> withMap(c, m -> {
                Engine.LOG.info("{}: restore map queueing (operator)", m.name);
                return restoreQueueing(m);
            });
            case DISABLEQ_MAPS -> {
                Engine.LOG.info("disable queueing (operator)");
                yield all(this::disableQueueing);
            }
            case RESTOREQ_MAPS -> {
                Engine.LOG.info("restore queueing (operator)");
                yield all(this::restoreQueueing);
            }
            case FORCEQ_DAEMON -> {
                Engine.LOG.info("force queue_without_daemon (operator)");
                e.queueWithoutDaemon = true;
                yield Reply.ok();
            }
            case RESTOREQ_DAEMON -> {
                Engine.LOG.info("restore queue_without_daemon (operator)");
                e.queueWithoutDaemon = Engine.yes(e.config.defaults("queue_without_daemon").value());
                yield Reply.ok();
            }
            case RESET_MAPS_STATS -> {
                Engine.LOG.debug("reset multipaths stats (operator)");
                yield all(m -> {
                    m.resetStats();
                    return Reply.ok();
                });
            }
            case RESET_MAP_STATS -> withMap(c, m -> {
                Engine.LOG.debug("reset multipath {} stats (operator)", m.name);
                m.resetStats();
                e.markDirty();
                return Reply.ok();
            });
            case SUSPEND_MAP -> withMap(c, m -> {
                e.deps.dm().suspend(m.name, true, false);
                Engine.LOG.info("{}: suspend (operator)", m.name);
                return Reply.ok();
            });
            case RESUME_MAP -> withMap(c, m -> {
                e.deps.dm().resume(m.name, io.jmultipath.dmctl.MpathUdevFlags.resume(m.settings.skipKpartx()));
                Engine.LOG.info("{}: resume (operator)", m.name);
                return Reply.ok();
            });
            case RELOAD_MAP -> withMap(c, m -> {
                Engine.LOG.info("{}: reload map (operator)", m.name);
                e.reconcile.run("reload", true);
                return Reply.ok();
            });
            case RESIZE_MAP -> withMap(c, m -> {
                Engine.LOG.info("{}: resize map (operator)", m.name);
                return e.reconcile.resize(m) ? Reply.ok() : Reply.fail(m.name + ": cannot resize");
            });
            case RESET_MAP -> withMap(c, m -> {
                Engine.LOG.debug("{}: reset devices (operator)", m.name);
                new Reassign(e.deps.dm(), e.deps.root()).run(m.name);
                return Reply.ok();
            });
            case ADD_MAP -> addMap(strip(c.require(MAP), "/dev/mapper/"));
            case DEL_MAP -> withMap(c, m -> {
                Engine.LOG.info("{}: remove map (operator)", m.name);
                return Reconcile.delMap(e, m) ? Reply.ok() : Reply.busy();
            });
            case DEL_MAPS -> {
                Engine.LOG.info("remove maps (operator)");
                boolean busy = false;
                for (MapRuntime m : new ArrayList<>(e.maps.values())) {
                    busy |= !Reconcile.delMap(e, m);
                }
                yield busy ? Reply.busy() : Reply.ok();
            }
            case RECONFIGURE_CMD -> {
                Engine.LOG.info("reconfigure (operator)");
                yield control.reconfigure(false);
            }
            case RECONFIGURE_ALL -> {
                Engine.LOG.info("reconfigure all (operator)");
                yield control.reconfigure(true);
            }
            case SHUTDOWN_CMD -> {
                Engine.LOG.debug("shutdown (operator)");
                control.shutdown();
                yield Reply.ok();
            }
            case QUIT_CMD -> Reply.ok();
            default -> withMap(c, m -> pr.handle(c, m));
        };
    }

    /** C atoi: leading digits, else 0. */
    static int atoi(String s) {
        int i = 0;
        String t = s.strip();
        int sign = 1;
        if (!t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
            sign = t.charAt(0) == '-' ? -1 : 1;
            i = 1;
        }
        long v = 0;
        for (; i < t.length() && Character.isDigit(t.charAt(i)) && v < Integer.MAX_VALUE; i++) {
            v = v * 10 + (t.charAt(i) - '0');
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sign * v));
    }

    private Reply addMap(String k) {
        Engine.LOG.info("{}: add map (operator)", k);
        if (wwidBlacklisted(e.config.blacklist(), k)) {
            Engine.LOG.info("{}: map blacklisted", k);
            return Reply.failWithText("blacklisted\n", k + ": map blacklisted");
        }
        Optional<MapRuntime> known = e.findMap(k);
        if (known.isPresent()) {
            return Reply.ok();
        }
        e.suppressed.removeIf(w -> w.equals(k) || e.maps.values().stream().noneMatch(m -> m.wwid.equals(w)));
        e.reconcile.run("add map", false);
        return e.findMap(k).isPresent() ? Reply.ok() : Reply.fail(k + ": add map failed");
    }

    /** filter_wwid: an exception wins, else a blacklist rule. */
    static boolean wwidBlacklisted(io.jmultipath.config.Blacklist b, String wwid) {
        return b.exceptionRules().wwid().stream().noneMatch(r -> r.matches(wwid))
                && b.blacklistRules().wwid().stream().anyMatch(r -> r.matches(wwid));
    }

    static String strip(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    /** cli_disable_queueing: stop queueing now and until restorequeueing. */
    private Reply disableQueueing(MapRuntime m) {
        if (e.policy.activePaths(m) == 0) {
            m.mapFailures++;
        }
        m.queueingDisabled = true;
        m.inRecovery = false;
        m.retryTick = 0;
        e.message(m, "fail_if_no_path");
        e.markDirty();
        return Reply.ok();
    }

    /** cli_restore_queueing: back to no_path_retry; no active path means recovery mode again. */
    private Reply restoreQueueing(MapRuntime m) {
        m.queueingDisabled = false;
        if (m.noPathRetryCount().isPresent() || m.queuesForever()) {
            e.message(m, "queue_if_no_path");
            if (m.noPathRetryCount().isPresent()) {
                if (e.policy.activePaths(m) > 0) {
                    m.retryTick = 0;
                    m.inRecovery = false;
                } else {
                    e.policy.enterRecovery(m);
                }
            }
        }
        e.markDirty();
        return Reply.ok();
    }

    private Reply all(Function<MapRuntime, Reply> f) {
        for (MapRuntime m : new ArrayList<>(e.maps.values())) {
            f.apply(m);
        }
        e.markDirty();
        return Reply.ok();
    }

    private Reply withMap(ParsedCommand c, Function<MapRuntime, Reply> f) {
        String key = c.require(MAP);
        return e.findMap(key).map(f).orElseGet(() -> Reply.fail(key + ": invalid map name"));
    }

    /** The path a command names (kernel name, /dev/ name or major:minor), if it is in a map. */
    static Optional<Path> mappedPath(Engine e, ParsedCommand c) {
        return e.findPath(c.require(PATH)).filter(p -> e.mapOf(p).isPresent());
    }
}
