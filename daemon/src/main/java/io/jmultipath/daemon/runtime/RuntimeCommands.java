package io.jmultipath.daemon.runtime;

import io.jmultipath.daemon.server.CliKeyword;
import io.jmultipath.daemon.server.CommandHandler;
import io.jmultipath.daemon.server.ParsedCommand;
import io.jmultipath.daemon.server.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The CLI handler table: reads from the engine's snapshot on the calling thread (never blocked by
 * the owner thread), writes posted to the owner thread and awaited.
 */
public final class RuntimeCommands implements CommandHandler {
    private final Engine engine;
    private final ReadCommands reads;
    private final WriteCommands writes;

    /** How long a write may wait for the owner thread (uxsock_timeout): later, the client has had "timeout". */
    private final java.time.Duration timeout;

    RuntimeCommands(Engine engine, DaemonControl control, java.time.Duration timeout) {
        this.engine = engine;
        this.timeout = timeout;
        this.reads = new ReadCommands(engine.deps.root(), engine::ueventsBusy, engine::daemonState);
        this.writes = new WriteCommands(engine, control);
    }

    @Override
    public Reply handle(ParsedCommand c) {
        if (c.command().verb() == CliKeyword.LIST) {
            return reads.handle(c, engine.snapshot());
        }
        CompletableFuture<Reply> f = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        engine.post(() -> {
            if (System.nanoTime() - deadline > 0 && !unlocked(c)) {
                // as multipathd: a command that timed out waiting for the daemon is not run later
                Engine.LOG.warn("cli: '{}' not run: it waited longer than {} ms for the daemon",
                        c.command().name().toLowerCase(java.util.Locale.ROOT), timeout.toMillis());
                f.complete(Reply.timeout());
                return;
            }
            try {
                Reply r = writes.handle(c);
                engine.publishIfDirty(); // a following read sees the change
                f.complete(r);
            } catch (RuntimeException ex) {
                f.completeExceptionally(ex);
            }
        });
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Reply.fail("interrupted");
        } catch (ExecutionException ex) {
            return Reply.fail(String.valueOf(ex.getCause().getMessage()));
        } catch (TimeoutException ex) {
            return Reply.timeout();
        }
    }

    /** multipathd's unlocked handlers (reconfigure, shutdown, quit) only schedule work: they always run. */
    private static boolean unlocked(ParsedCommand c) {
        return switch (c.command()) {
            case RECONFIGURE_CMD, RECONFIGURE_ALL, SHUTDOWN_CMD, QUIT_CMD -> true;
            default -> false;
        };
    }
}
