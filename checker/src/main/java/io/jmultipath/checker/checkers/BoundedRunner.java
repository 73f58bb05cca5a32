package io.jmultipath.checker.checkers;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blocking device I/O on a bounded pool with at most one operation in flight per key
 * (device). A caller waits up to the timeout; an operation that does not finish keeps its worker,
 * and later calls for that key return {@link Kind#STILL_RUNNING} at once without queueing more.
 * An operation that never got a worker before its timeout is abandoned and never runs.
 */
public final class BoundedRunner {
    public enum Kind { DONE, FAILED, TIMED_OUT, STILL_RUNNING }

    /** Outcome of {@link #run}: value when DONE, error when FAILED. */
    public record Outcome<T>(Kind kind, Optional<T> value, Optional<Exception> error) {
    }

    /** idle workers exit after this, so short-lived checker instances leave no threads behind */
    static final int KEEP_ALIVE_SECONDS = 2;
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;

    private final ThreadPoolExecutor pool;
    private final Map<String, Job<?>> inFlight = new ConcurrentHashMap<>();

    public BoundedRunner(String threadName, int maxThreads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(maxThreads, maxThreads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), tf);
        pool.allowCoreThreadTimeOut(true);
    }

    private final class Job<T> implements Runnable {
        final String key;
        final Callable<T> op;
        final AtomicInteger state = new AtomicInteger(NEW);
        final CompletableFuture<T> result = new CompletableFuture<>();

        Job(String key, Callable<T> op) {
            this.key = key;
            this.op = op;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(NEW, RUNNING)) {
                return;
            }
            T value = null;
            Throwable error = null;
            try {
                value = op.call();
            } catch (Exception | LinkageError e) {
                error = e;
            } finally {
                inFlight.remove(key, this);       // free the key before the caller sees the result
            }
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }
    }

    public <T> Outcome<T> run(String key, Duration timeout, Callable<T> op) {
        Job<T> job = new Job<>(key, op);
        if (inFlight.putIfAbsent(key, job) != null) {
            return new Outcome<>(Kind.STILL_RUNNING, Optional.empty(), Optional.empty());
        }
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            inFlight.remove(key, job);
            return new Outcome<>(Kind.FAILED, Optional.empty(), Optional.of(e));
        }
        try {
            T v = job.result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Outcome<>(Kind.DONE, Optional.ofNullable(v), Optional.empty());
        } catch (TimeoutException e) {
            abandon(job);
            return new Outcome<>(Kind.TIMED_OUT, Optional.empty(), Optional.empty());
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            Exception ex = c instanceof Exception ? (Exception) c : new RuntimeException(c);
            return new Outcome<>(Kind.FAILED, Optional.empty(), Optional.of(ex));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(job);
            return new Outcome<>(Kind.TIMED_OUT, Optional.empty(), Optional.empty());
        }
    }

    private void abandon(Job<?> job) {
        if (job.state.compareAndSet(NEW, ABANDONED)) {
            inFlight.remove(job.key, job);               // never started: nothing stays behind
        }
    }

    /** Operations currently holding a key (running or queued). */
    public int inFlight() {
        return inFlight.size();
    }

    /** Worker threads alive right now (never more than maxThreads). */
    public int threads() {
        return pool.getPoolSize();
    }
}
