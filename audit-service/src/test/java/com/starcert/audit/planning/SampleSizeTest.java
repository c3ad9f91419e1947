package com.starcert.audit.planning;

import static com.starcert.contracts.AuditType.INITIAL;
import static com.starcert.contracts.AuditType.RECERTIFICATION;
import static com.starcert.contracts.AuditType.SPECIAL;
import static com.starcert.contracts.AuditType.SURVEILLANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SampleSizeTest {

    @ParameterizedTest(name = "n={0}: sampling {1}/{2}/{3}, not appropriate {4}/{5}/{6}")
    @CsvSource({
            // n, initial, surveillance, recertification | not appropriate: initial, surveillance, recertification
            "0,     0,   0,  0,      0,     0,     0",
            "1,     1,   1,  1,      1,     1,     1",
            "2,     2,   1,  2,      2,     1,     2",
            "26,    6,   4,  5,      26,    8,     26",
            "50,    8,   5,  6,      50,    15,    50",
            "10000, 100, 60, 80,     10000, 3000,  10000"})
    void followsIafMd1RoundedUp(int n, int initial, int surveillance, int recertification,
                                int allInitial, int allSurveillance, int allRecertification) {
        assertThat(SampleSize.of(INITIAL, n, true)).isEqualTo(initial);
        assertThat(SampleSize.of(SURVEILLANCE, n, true)).isEqualTo(surveillance);
        assertThat(SampleSize.of(RECERTIFICATION, n, true)).isEqualTo(recertification);
        assertThat(SampleSize.of(INITIAL, n, false)).isEqualTo(allInitial);
        assertThat(SampleSize.of(SURVEILLANCE, n, false)).isEqualTo(allSurveillance);
        assertThat(SampleSize.of(RECERTIFICATION, n, false)).isEqualTo(allRecertification);
    }

    @ParameterizedTest(name = "special n={0}: {1}, not appropriate {2}")
    @CsvSource({
            // n, sampling appropriate ⌈0.6·√n⌉, not appropriate ⌈0.3·n⌉
            "0,     0,  0",
            "1,     1,  1",
            "2,     1,  1",
            "26,    4,  8",
            "50,    5,  15",
            "10000, 60, 3000"})
    void aSpecialAuditIsSizedAsASurveillance(int n, int sampled, int notAppropriate) {
        assertThat(SampleSize.of(SPECIAL, n, true)).isEqualTo(sampled);
        assertThat(SampleSize.of(SPECIAL, n, false)).isEqualTo(notAppropriate);
    }

    @ParameterizedTest(name = "formula {0}, {1} named of n={2}: {3}")
    @CsvSource({
            // formula, named, n, sample
            "5,  0,  50,    5",   // nothing named: the formula
            "5,  2,  50,    5",   // 2 named + 2 random fit in 5
            "5,  3,  50,    5",   // 3 named + ⌈5/4⌉ = 2 random
            "5,  4,  50,    6",   // 4 named + ⌈6/4⌉ = 2 random
            "5,  6,  50,    8",   // 6 named + 2 random
            "4,  9,  26,    12",  // 9 named + 3 random
            "1,  1,  2,     2",   // 1 named + 1 random: the whole network
            "1,  2,  2,     2",   // every outlet named: none left to draw
            "60, 100, 10000, 134"})
    void namedOutletsKeepARandomQuarterAndMayEnlargeTheSample(int formula, int named, int n, int sample) {
        int s = SampleSize.withNamed(formula, named, n);
        assertThat(s).isEqualTo(sample);
        assertThat(s).isGreaterThanOrEqualTo(formula).isLessThanOrEqualTo(Math.max(n, formula));
        if (s < n) {
            assertThat(s - SampleSize.randomShare(s)).isGreaterThanOrEqualTo(named);
        }
    }

    @Test
    void matchesExactDecimalArithmeticForEveryNUpTo10000() {
        MathContext precise = new MathContext(30);
        for (int n = 0; n <= 10_000; n++) {
            BigDecimal root = new BigDecimal(n).sqrt(precise);
            assertThat(SampleSize.of(INITIAL, n, true)).as("initial n=%d", n).isEqualTo(ceil(root));
            assertThat(SampleSize.of(SURVEILLANCE, n, true)).as("surveillance n=%d", n)
                    .isEqualTo(ceil(root.multiply(new BigDecimal("0.6"))));
            assertThat(SampleSize.of(RECERTIFICATION, n, true)).as("recertification n=%d", n)
                    .isEqualTo(ceil(root.multiply(new BigDecimal("0.8"))));
            assertThat(SampleSize.of(SPECIAL, n, true)).as("special n=%d", n)
                    .isEqualTo(SampleSize.of(SURVEILLANCE, n, true));
            assertThat(SampleSize.of(SPECIAL, n, false)).as("special 0.3n n=%d", n)
                    .isEqualTo(SampleSize.of(SURVEILLANCE, n, false));
            assertThat(SampleSize.of(SURVEILLANCE, n, false)).as("0.3n n=%d", n)
                    .isEqualTo(ceil(new BigDecimal(n).multiply(new BigDecimal("0.3"))));
        }
    }

    @Test
    void atLeastAQuarterIsRandomRoundedUp() {
        assertThat(SampleSize.randomShare(0)).isZero();
        assertThat(SampleSize.randomShare(1)).isEqualTo(1);
        assertThat(SampleSize.randomShare(4)).isEqualTo(1);
        assertThat(SampleSize.randomShare(5)).isEqualTo(2);
        assertThat(SampleSize.randomShare(8)).isEqualTo(2);
        assertThat(SampleSize.randomShare(100)).isEqualTo(25);
    }

    @Test
    void refusesANegativeBase() {
        assertThatThrownBy(() -> SampleSize.of(INITIAL, -1, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minimumAuditDaysCountHalfADayPerOutletAndForTheCentralFunction() {
        assertThat(AuditDays.minimum(0)).isEqualByComparingTo("0.5");
        assertThat(AuditDays.minimum(8)).isEqualByComparingTo("4.5");
    }

    private static int ceil(BigDecimal value) {
        // a tiny tolerance would hide exactly the bug this test hunts, so round the 30-digit value as it is
        return value.setScale(0, RoundingMode.CEILING).intValueExact();
    }
}
