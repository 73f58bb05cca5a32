package io.jmultipath.checker.schedule;

/**
 * Bounded log-linear histogram of non-negative nanosecond values (16 sub-buckets per power of
 * two, so percentiles are within ~6%). Not thread-safe; the scheduler guards it.
 */
final class LatencyHistogram {
    private static final int SUB = 16;
    private final long[] counts = new long[64 * SUB];
    private long total;
    private long max;

    void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);          // >= 4
        int sub = (int) ((v >>> (exp - 4)) & (SUB - 1));      // next 4 bits below the top bit
        return (exp - 3) * SUB + sub;
    }

    /** Upper bound of the values in bucket i. */
    static long upper(int i) {
        if (i < SUB) {
            return i;
        }
        int exp = i / SUB + 3;
        long sub = i % SUB;
        long base = (1L << exp) + (sub << (exp - 4));
        return base + (1L << (exp - 4)) - 1;
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /** Value at quantile q (0..1); 0 when empty. */
    long quantile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && counts[i] > 0) {
                return Math.min(upper(i), max);
            }
        }
        return max;
    }
}
