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

    RuntimeCommands(Engine engine, DaemonControl control) {
        this.engine = engine;
        this.reads = new ReadCommands(engine.deps.root(), engine::ueventsBusy, engine::daemonState);
        this.writes = new WriteCommands(engine, control);
    }

    @Override
    public Reply handle(ParsedCommand c) {
        if (c.command().verb() == CliKeyword.LIST) {
            return reads.handle(c, engine.snapshot());
        }
        CompletableFuture<Reply> f = new CompletableFuture<>();
        engine.post(() -> {
            try {
                Reply r = writes.handle(c);
                engine.publishIfDirty(); // a following read sees the change
                f.complete(r);
            } catch (RuntimeException ex) {
                f.completeExceptionally(ex);
            }
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Reply.fail("interrupted");
        } catch (ExecutionException ex) {
            return Reply.fail(String.valueOf(ex.getCause().getMessage()));
        } catch (TimeoutException ex) {
            return Reply.timeout();
        }
    }
}
