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
 * Runs blocking device I/O with at most one operation per key (device), like multipath-tools'
 * async tur/directio: a call waits up to {@code wait}; an operation still running then is PENDING
 * and the next call for that key collects its result; once past its timeout it is TIMED_OUT, and
 * while it stays stuck in the kernel further calls for that key return TIMED_OUT at once without
 * starting another operation (no thread pile-up: one stuck worker per hung device at most).
 * <p>Worker bound: at most {@code maxThreads} workers run operations that answer within the wait;
 * a worker whose operation outlives the wait (a slow or hung device: the caller got PENDING or
 * TIMED_OUT) is replaced, up to {@code maxReplaced} of them, so devices that hang, even many at
 * once, never starve the checks of healthy ones. Total threads stay at most
 * maxThreads + min(slow or hung devices, maxReplaced), like multipath-tools' one thread per
 * outstanding check. An operation that never got a worker before its timeout is abandoned and
 * never runs. The result of an operation reported TIMED_OUT is discarded.
 */
public final class BoundedRunner {
    public enum Kind { DONE, FAILED, PENDING, TIMED_OUT }

    /** Outcome of {@link #run}: value when DONE, error when FAILED. */
    public record Outcome<T>(Kind kind, Optional<T> value, Optional<Exception> error) {
        static <T> Outcome<T> of(Kind k) {
            return new Outcome<>(k, Optional.empty(), Optional.empty());
        }
    }

    /** idle workers exit after this, so short-lived checker instances leave no threads behind */
    static final int KEEP_ALIVE_SECONDS = 2;
    /** how many workers held by slow operations are replaced at most (beyond this they count against maxThreads) */
    public static final int DEFAULT_MAX_REPLACED = 4096;
    /** worker stack: the operations are a few JNA calls; keeps many stuck workers cheap */
    static final long STACK_BYTES = 256 * 1024;
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;
    private static final int FINISHED = 3;

    private final ThreadPoolExecutor pool;
    private final Map<String, Job<?>> jobs = new ConcurrentHashMap<>();
    private final int maxThreads;
    private final int maxReplaced;
    /** slow (past the wait) or timed-out operations holding a worker that was replaced; guarded by this */
    private int replaced;

    public BoundedRunner(String threadName, int maxThreads) {
        this(threadName, maxThreads, DEFAULT_MAX_REPLACED);
    }

    public BoundedRunner(String threadName, int maxThreads, int maxReplaced) {
        if (maxThreads < 1 || maxReplaced < 0) {
            throw new IllegalArgumentException("bad worker bounds " + maxThreads + "/" + maxReplaced);
        }
        this.maxThreads = maxThreads;
        this.maxReplaced = maxReplaced;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(null, r, threadName + "-" + n.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(maxThreads, maxThreads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), tf);
        pool.allowCoreThreadTimeOut(true);
    }

    private final class Job<T> implements Runnable {
        final String key;
        final Callable<T> op;
        final long deadline;
        final AtomicInteger state = new AtomicInteger(NEW);
        final CompletableFuture<T> result = new CompletableFuture<>();
        volatile boolean timedOut;
        /** its worker was replaced while it is slow or stuck; guarded by the runner */
        boolean workerReplaced;

        Job(String key, Callable<T> op, long deadline) {
            this.key = key;
            this.op = op;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(NEW, RUNNING)) {
                return;
            }
            try {
                result.complete(op.call());
            } catch (Exception | LinkageError e) {
                result.completeExceptionally(e);
            } finally {
                finished(this);
            }
        }
    }

    /** Declares job timed out: a queued one is abandoned (and dropped from the queue), a running one's worker replaced. */
    private synchronized void timeOut(Job<?> job) {
        job.timedOut = true;
        if (job.state.compareAndSet(NEW, ABANDONED)) {
            jobs.remove(job.key, job);
            pool.remove(job);
        } else {
            detach(job);
        }
    }

    /** A running operation outlived the wait: its worker stops counting against maxThreads. */
    private synchronized void detach(Job<?> job) {
        if (job.state.get() == RUNNING && !job.workerReplaced && replaced < maxReplaced) {
            job.workerReplaced = true;
            replaced++;
            resize();
        }
    }

    private synchronized void finished(Job<?> job) {
        job.state.set(FINISHED);
        if (job.workerReplaced) {
            job.workerReplaced = false;
            replaced--;
            resize();
        }
    }

    private void resize() {
        int n = maxThreads + replaced;
        if (n > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(n);
            pool.setCorePoolSize(n);
        } else {
            pool.setCorePoolSize(n);
            pool.setMaximumPoolSize(n);
        }
    }

    /** Waits for the whole timeout (synchronous use, e.g. path_latency). */
    public <T> Outcome<T> run(String key, Duration timeout, Callable<T> op) {
        return run(key, timeout, timeout, op);
    }

    /** Starts (or collects) the operation for key; waits at most min(wait, timeout) for it. */
    @SuppressWarnings("unchecked")
    public <T> Outcome<T> run(String key, Duration timeout, Duration wait, Callable<T> op) {
        long now = System.nanoTime();
        Job<?> prev = jobs.get(key);
        if (prev != null) {
            if (prev.result.isDone()) {
                jobs.remove(key, prev);
                if (!prev.timedOut) {
                    return outcome((Job<T>) prev);                // collect a finished async result
                }                                                 // stale result of a timed-out op: start anew
            } else if (now - prev.deadline >= 0) {
                timeOut(prev);                                    // stuck: report, start nothing
                return Outcome.of(Kind.TIMED_OUT);
            } else {
                detach(prev);
                return Outcome.of(Kind.PENDING);
            }
        }
        Job<T> job = new Job<>(key, op, now + timeout.toNanos());
        if (jobs.putIfAbsent(key, job) != null) {
            return Outcome.of(Kind.PENDING);                      // a concurrent caller just started one
        }
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            jobs.remove(key, job);
            return new Outcome<>(Kind.FAILED, Optional.empty(), Optional.of(e));
        }
        boolean waitsWholeTimeout = wait.compareTo(timeout) >= 0;
        try {
            job.result.get(Math.min(wait.toNanos(), timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (!waitsWholeTimeout) {
                detach(job);
                return Outcome.of(Kind.PENDING);
            }
            timeOut(job);
            return Outcome.of(Kind.TIMED_OUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.of(Kind.PENDING);
        } catch (ExecutionException e) {
            // reported by outcome() below
        }
        jobs.remove(key, job);
        return outcome(job);
    }

    private static <T> Outcome<T> outcome(Job<T> job) {
        try {
            return new Outcome<>(Kind.DONE, Optional.ofNullable(job.result.getNow(null)), Optional.empty());
        } catch (java.util.concurrent.CompletionException e) {
            Throwable c = e.getCause();
            Exception ex = c instanceof Exception ? (Exception) c : new RuntimeException(c);
            return new Outcome<>(Kind.FAILED, Optional.empty(), Optional.of(ex));
        }
    }

    /** Keys holding an operation (running, queued, or finished but not yet collected). */
    public int inFlight() {
        return jobs.size();
    }

    /** Worker threads alive right now (at most maxThreads + detached()). */
    public int threads() {
        return pool.getPoolSize();
    }

    /** Slow or timed-out operations still running in a worker that has been replaced. */
    public synchronized int detached() {
        return replaced;
    }

    /** Operations waiting for a worker (abandoned ones are removed at once). */
    public int queued() {
        return pool.getQueue().size();
    }
}
