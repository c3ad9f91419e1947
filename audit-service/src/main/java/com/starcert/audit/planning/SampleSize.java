package com.starcert.audit.planning;

import com.starcert.contracts.AuditType;

/**
 * IAF MD 1 sample sizes (docs/domain.md §4), always rounded up and computed in integers: {@code Math.sqrt} would turn
 * ⌈0.6·√10000⌉ = 60 into 61 on an unlucky rounding, so every formula is reduced to an integer square root.
 * <p>
 * A SPECIAL audit (特殊审核) is sized as a surveillance (our rule): ⌈0.6·√n⌉, or ⌈0.3·n⌉ when sampling is not
 * appropriate. Outlets the CB names for it are visited first and may take the sample above the formula, see
 * {@link SitePlanner} and {@link #withNamed(int, int, int)}.
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
                case SURVEILLANCE, SPECIAL -> (int) ceilDiv(3L * n, 10);   // ⌈0.3·n⌉
            };
        }
        return switch (type) {
            case INITIAL -> (int) ceilSqrt(n);                           // ⌈√n⌉
            case SURVEILLANCE, SPECIAL -> (int) ceilDiv(ceilSqrt(36L * n), 10); // ⌈0.6·√n⌉ = ⌈√(36n) / 10⌉
            case RECERTIFICATION -> (int) ceilDiv(ceilSqrt(64L * n), 10); // ⌈0.8·√n⌉ = ⌈√(64n) / 10⌉
        };
    }

    /**
     * The sample of a SPECIAL audit whose CB named {@code named} outlets (our rule): the formula, unless the named
     * outlets and the random quarter of the sample (⌈s/4⌉, docs/domain.md §4) do not fit in it — then the smallest s with
     * s − ⌈s/4⌉ ≥ named. Never more than the n outlets there are: when every outlet is named, none is left to draw.
     *
     * @param formula {@link #of} for the audit
     * @param named   distinct active outlets the CB named, at most n
     * @param n       the sample base
     */
    public static int withNamed(int formula, int named, int n) {
        if (named <= 0) {
            return formula;
        }
        int s = Math.max(formula, named);
        while (s - randomShare(s) < named && s < n) {
            s++;
        }
        return s;
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
