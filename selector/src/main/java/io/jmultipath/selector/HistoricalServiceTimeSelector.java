package io.jmultipath.selector;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * dm-ps-historical-service-time.c (v0.1.1): a time-weighted EWMA of each path's service time
 * (10-bit fixed point), estimated service time (1 + outstanding) * hst, stale-path probing and
 * the threshold multiplier. All u64 arithmetic is reproduced with unsigned Java longs. The
 * kernel reads {@code sched_clock()} in select_path and {@code ktime_get_ns()} in end_io; here
 * select uses the injected clock and end_io the {@code nowNanos} argument.
 *
 * <p>Selector args: [base_weight (0..1023, default 972 ~ 0.95) [threshold_multiplier]]; bad
 * args make the constructor fail. Per-path arg: [repeat_count] (stored, unused, printed as 0).
 */
final class HistoricalServiceTimeSelector extends AbstractPathSelector<HistoricalServiceTimeSelector.HstPath> {

    static final int FIXED_SHIFT = 10;
    static final long FIXED_MAX = -1L >>> FIXED_SHIFT;
    static final long FIXED_1 = 1L << FIXED_SHIFT;
    static final int FIXED_95 = 972;
    static final long MAX_INFLIGHT = FIXED_1;
    static final int BUCKET_SHIFT = 24;
    static final int WEIGHT_COUNT = 64;

    static final class HstPath extends AbstractPathSelector.PathInfo {
        long historicalServiceTime = FIXED_1; // u64 fixed point
        long staleAfter;                      // u64
        long lastFinish;                      // u64
        long outstanding;                     // u64

        HstPath(String id, long repeatCount) {
            super(id, repeatCount);
        }
    }

    private final LongSupplier clock;
    private final long[] weights = new long[WEIGHT_COUNT]; // unsigned int values
    private final long thresholdMultiplier;                // unsigned int
    private int validCount;

    HistoricalServiceTimeSelector(List<String> args, LongSupplier clock) {
        this.clock = clock;
        long base = FIXED_95;
        long threshold = 0;
        if (args.size() > 2) {
            throw constructorFailed();
        }
        if (!args.isEmpty()) {
            base = KernelArgs.parseUnsigned(args.get(0)).orElse(-1);
            if (base < 0 || base >= FIXED_1) {
                throw constructorFailed();
            }
        }
        if (args.size() > 1) {
            threshold = KernelArgs.parseUnsigned(args.get(1)).orElseThrow(HistoricalServiceTimeSelector::constructorFailed);
        }
        for (int i = 0; i < WEIGHT_COUNT - 1; i++) {
            weights[i] = fixedPower(base, FIXED_SHIFT, i + 1) & 0xFFFF_FFFFL;
        }
        weights[WEIGHT_COUNT - 1] = 0;
        this.thresholdMultiplier = threshold;
    }

    private static IllegalArgumentException constructorFailed() {
        return new IllegalArgumentException("path selector constructor failed");
    }

    /** x^n in fixed point, as kernel/sched/loadavg.c fixed_power_int (unsigned 64-bit). */
    static long fixedPower(long x, int fracBits, int n) {
        long result = 1L << fracBits;
        if (n != 0) {
            for (;;) {
                if ((n & 1) != 0) {
                    result *= x;
                    result += 1L << (fracBits - 1);
                    result >>>= fracBits;
                }
                n >>>= 1;
                if (n == 0) {
                    break;
                }
                x *= x;
                x += 1L << (fracBits - 1);
                x >>>= fracBits;
            }
        }
        return result;
    }

    /** a_1 = a_0 * w + next * (1 - w), fixed point. */
    static long fixedEma(long last, long next, long weight) {
        last *= weight;
        last += next * (FIXED_1 - weight);
        last += 1L << (FIXED_SHIFT - 1);
        return last >>> FIXED_SHIFT;
    }

    long weight(long delta) {
        long bucket = delta >>> BUCKET_SHIFT; // clamp(u64, 0, 63)
        int b = Long.compareUnsigned(bucket, WEIGHT_COUNT - 1) > 0 ? WEIGHT_COUNT - 1 : (int) bucket;
        return weights[b];
    }

    @Override
    public String name() {
        return "historical-service-time";
    }

    @Override
    HstPath newPath(String pathId, List<String> pathArgs) {
        if (pathArgs.size() > 1) {
            throw new IllegalArgumentException("historical-service-time ps: incorrect number of arguments");
        }
        long rc = 1;
        if (!pathArgs.isEmpty()) {
            rc = KernelArgs.parseUnsigned(pathArgs.get(0)).orElseThrow(
                    () -> new IllegalArgumentException("historical-service-time ps: invalid repeat count"));
        }
        return new HstPath(pathId, rc);
    }

    @Override
    void onValidCountChange(int delta) {
        validCount += delta;
    }

    /** hst_compare: &lt; 0 if pi1 is better, &gt; 0 if pi2 is better, 0 no difference. */
    long compare(HstPath pi1, HstPath pi2, long timeNow) {
        long hst1 = pi1.historicalServiceTime;
        long hst2 = pi2.historicalServiceTime;
        long out1 = pi1.outstanding;
        long out2 = pi2.outstanding;
        long stale1 = pi1.staleAfter;
        long stale2 = pi2.staleAfter;
        boolean overThreshold;
        if (Long.compareUnsigned(hst1, hst2) > 0) {
            overThreshold = Long.compareUnsigned(hst1, thresholdMultiplier * hst2) > 0;
        } else {
            overThreshold = Long.compareUnsigned(hst2, thresholdMultiplier * hst1) > 0;
        }
        if (!overThreshold) {
            return out1 - out2;
        }
        // long long vs u64 comparisons are unsigned in C
        boolean stale1Past = Long.compareUnsigned(stale1, timeNow) < 0;
        boolean stale2Past = Long.compareUnsigned(stale2, timeNow) < 0;
        if ((out1 == 0 && stale1Past) || (out2 == 0 && stale2Past) || (out1 == 0 && out2 == 0)) {
            return (out2 == 0 ? stale1 : 0) - (out1 == 0 ? stale2 : 0);
        }
        boolean pi2Better;
        if (out1 == out2) {
            pi2Better = Long.compareUnsigned(hst1, hst2) > 0;
        } else {
            if (out1 >= MAX_INFLIGHT || out2 >= MAX_INFLIGHT) {
                hst1 >>>= FIXED_SHIFT;
                hst2 >>>= FIXED_SHIFT;
            }
            pi2Better = Long.compareUnsigned((1 + out1) * hst1, (1 + out2) * hst2) > 0;
        }
        if (pi2Better) {
            return stale2Past ? out1 - out2 : 1;
        }
        return stale1Past ? out1 - out2 : -1;
    }

    @Override
    public Optional<String> selectPath(long nrBytes) {
        long now = clock.getAsLong();
        HstPath best = null;
        for (int i = 0, n = valid.size(); i < n; i++) {
            HstPath pi = valid.get(i);
            if (best == null || compare(pi, best, now) < 0) {
                best = pi;
            }
        }
        return chose(best);
    }

    @Override
    public void startIo(String pathId, long nrBytes) {
        path(pathId).outstanding++;
    }

    @Override
    public void endIo(String pathId, long nrBytes, long startNanos, long nowNanos) {
        HstPath pi = path(pathId);
        long st = serviceTime(pi, startNanos, nowNanos);
        pi.outstanding--;
        long sample = st * FIXED_1;
        if (Long.compareUnsigned(sample, FIXED_MAX) > 0) {
            sample = FIXED_MAX;
        }
        pi.historicalServiceTime = fixedEma(pi.historicalServiceTime, sample, weight(st));
        pi.staleAfter = pi.lastFinish + (long) validCount * (pi.historicalServiceTime >>> FIXED_SHIFT);
    }

    /** path_service_time: serialises overlapping completions (time_after64 / time_before64). */
    private static long serviceTime(HstPath pi, long startTime, long now) {
        if (pi.lastFinish - startTime > 0) { // time_after64(last_finish, start_time)
            startTime = pi.lastFinish;
        }
        pi.lastFinish = now;
        if (now - startTime < 0) {           // time_before64(now, start_time)
            return 0;
        }
        return now - startTime;
    }

    @Override
    public String pathStatusArgs(String pathId) {
        HstPath p = path(pathId);
        return Long.toUnsignedString(p.historicalServiceTime) + " " + Long.toUnsignedString(p.outstanding)
                + " " + Long.toUnsignedString(p.staleAfter);
    }

    @Override
    public String pathTableArgs(String pathId) {
        path(pathId);
        return "0";
    }

    @Override
    public String selectorArgs() {
        return "2 " + weights[0] + " " + thresholdMultiplier;
    }

    @Override
    public int tableArgCount() {
        return 1;
    }

    @Override
    public int statusArgCount() {
        return 3;
    }
}
