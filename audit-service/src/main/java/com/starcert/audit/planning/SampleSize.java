package com.starcert.audit.planning;

import com.starcert.contracts.AuditType;

/**
 * IAF MD 1 sample sizes (brief §4), always rounded up and computed in integers: {@code Math.sqrt} would turn
 * ⌈0.6·√10000⌉ = 60 into 61 on an unlucky rounding, so every formula is reduced to an integer square root.
 */
public final class SampleSize {

    private SampleSize() {
    }

    /**
     * How many outlets (not counting the central function) an audit visits.
     *
     * @param n                    active outlets in scope (the sample base)
     * @param samplingAppropriate  false when the CB decided sampling is not appropriate (MD 1 §6.2)
     */
    public static int of(AuditType type, int n, boolean samplingAppropriate) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (!samplingAppropriate) {
            return switch (type) {
                case INITIAL, RECERTIFICATION -> n;
                case SURVEILLANCE -> (int) ceilDiv(3L * n, 10);   // ⌈0.3·n⌉
            };
        }
        return switch (type) {
            case INITIAL -> (int) ceilSqrt(n);                           // ⌈√n⌉
            case SURVEILLANCE -> (int) ceilDiv(ceilSqrt(36L * n), 10);   // ⌈0.6·√n⌉ = ⌈√(36n) / 10⌉
            case RECERTIFICATION -> (int) ceilDiv(ceilSqrt(64L * n), 10); // ⌈0.8·√n⌉ = ⌈√(64n) / 10⌉
        };
    }

    /** At least a quarter of the sample, rounded up, is drawn at random. */
    public static int randomShare(int sampleSize) {
        return (int) ceilDiv(sampleSize, 4);
    }

    /** The smallest m with m² ≥ x, i.e. ⌈√x⌉, exactly. */
    static long ceilSqrt(long x) {
        if (x <= 0) {
            return 0;
        }
        long r = (long) Math.sqrt((double) x);
        while (r * r > x) {
            r--;
        }
        while ((r + 1) * (r + 1) <= x) {
            r++;
        }
        return r * r == x ? r : r + 1;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
