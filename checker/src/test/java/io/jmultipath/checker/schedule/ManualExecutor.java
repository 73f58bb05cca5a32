package io.jmultipath.checker.schedule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** Executor that only queues tasks; the test runs them when it wants. */
final class ManualExecutor extends AbstractExecutorService {
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    int submitted;

    @Override
    public synchronized void execute(Runnable r) {
        submitted++;
        tasks.add(r);
    }

    synchronized Runnable poll() {
        return tasks.poll();
    }

    synchronized int pending() {
        return tasks.size();
    }

    /** Runs queued tasks (including ones queued while running) until none is left. */
    void runAll() {
        Runnable r;
        while ((r = poll()) != null) {
            r.run();
        }
    }

    @Override public void shutdown() { }
    @Override public List<Runnable> shutdownNow() { return List.of(); }
    @Override public boolean isShutdown() { return false; }
    @Override public boolean isTerminated() { return false; }
    @Override public boolean awaitTermination(long t, TimeUnit u) { return true; }
}
