package com.starcert.scoring.engine;

import static com.starcert.scoring.engine.AuditBuilder.CENTRAL;
import static com.starcert.scoring.engine.AuditBuilder.audit;
import static com.starcert.scoring.engine.AuditBuilder.defaultAudit;
import static com.starcert.scoring.engine.AuditBuilder.outlet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Band;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.Scheme.Indicator;
import com.starcert.contracts.Scheme.Scope;

class ScoringEngineTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static IndicatorScore indicator(ScoreCard card, String code) {
        return card.indicators().stream().filter(i -> i.indicator().code().equals(code)).findFirst().orElseThrow();
    }

    /** A scheme of one sampled indicator assessed at the central function, to hit exact scores. */
    private static Scheme oneSampledIndicator(int points) {
        return new Scheme("TEST", 1, "test", List.of(
                new Indicator("A", "g", "甲", "A", BigDecimal.valueOf(points), Scope.CENTRAL, true)));
    }

    @Test
    void allConformingScoresHundred() {
        ScoreCard card = defaultAudit(3).score();

        assertThat(card.score()).isEqualByComparingTo("100");
        assertThat(card.score()).hasToString("100.0");
        assertThat(card.band()).isEqualTo(Band.FIVE_STAR);
        assertThat(card.applicableTotal()).isEqualTo(Rational.of(100));
        assertThat(card.earnedTotal()).isEqualTo(Rational.of(100));
    }

    @Test
    void qualitativeNonconformityLosesAllItsPoints() {
        ScoreCard card = defaultAudit(2).nonconforming(CENTRAL, "SYS-ORG").score();

        assertThat(indicator(card, "SYS-ORG").earned()).isEqualTo(Rational.ZERO);
        assertThat(card.score()).isEqualByComparingTo("94.0");
        assertThat(card.band()).isEqualTo(Band.FOUR_STAR);
    }

    @Test
    void qualitativeIndicatorAtSeveralSitesAveragesTheSites() {
        // PRD-DEL (6 points) nonconforming at one of two outlets: conformity 1/2, 3 points lost
        ScoreCard card = defaultAudit(2).nonconforming(outlet(1), "PRD-DEL").score();

        assertThat(indicator(card, "PRD-DEL").conformity()).isEqualTo(Rational.of(1, 2));
        assertThat(card.score()).isEqualByComparingTo("97.0");
    }

    @Test
    void sampledIndicatorLosesPointsInProportion() {
        // PRD-REP (9 points), 2 of 10 service records nonconforming at the only outlet: 9 × 0.8 = 7.2
        ScoreCard card = defaultAudit(1).sampled(outlet(1), "PRD-REP", 10, 2).score();

        IndicatorScore rep = indicator(card, "PRD-REP");
        assertThat(rep.conformity()).isEqualTo(Rational.of(4, 5));
        assertThat(rep.earned()).isEqualTo(Rational.of(36, 5));
        assertThat(card.score()).isEqualByComparingTo("98.2");
    }

    @Test
    void sampledIndicatorUsesTheCountsEvenWhenMostSamplesFail() {
        // CUS-CMP (10) at central + 2 outlets: 1 − 9/10, 1, 1 → mean 0.7 → 7 points
        ScoreCard card = defaultAudit(2).sampled(CENTRAL, "CUS-CMP", 10, 9).score();

        assertThat(indicator(card, "CUS-CMP").earned()).isEqualTo(Rational.of(7));
        assertThat(card.score()).isEqualByComparingTo("97.0");
    }

    @Test
    void siteMarkingNotApplicableDropsOutOfTheIndicator() {
        ScoreCard conforming = defaultAudit(2).notApplicable(outlet(1), "PRD-DEL").score();
        assertThat(conforming.score()).isEqualByComparingTo("100.0");
        assertThat(indicator(conforming, "PRD-DEL").sites()).hasSize(2);
        assertThat(indicator(conforming, "PRD-DEL").sites().get(0).counted()).isFalse();

        // the remaining site alone decides: nonconforming there loses all 6 points, not half
        ScoreCard card = defaultAudit(2).notApplicable(outlet(1), "PRD-DEL").nonconforming(outlet(2), "PRD-DEL")
                .score();
        assertThat(indicator(card, "PRD-DEL").conformity()).isEqualTo(Rational.ZERO);
        assertThat(card.score()).isEqualByComparingTo("94.0");
    }

    @Test
    void exclusionLeavesTheApplicableTotal() {
        ScoreCard perfect = defaultAudit(2).exclude("PRD-RCY").score();
        assertThat(perfect.applicableTotal()).isEqualTo(Rational.of(95));
        assertThat(perfect.score()).isEqualByComparingTo("100.0");
        IndicatorScore rcy = indicator(perfect, "PRD-RCY");
        assertThat(rcy.excluded()).isTrue();
        assertThat(rcy.applicable()).isFalse();
        assertThat(rcy.justification()).isNotBlank();

        // 100 × 89 / 95 = 93.684…
        ScoreCard card = defaultAudit(2).exclude("PRD-RCY").nonconforming(CENTRAL, "SYS-ORG").score();
        assertThat(card.score()).isEqualByComparingTo("93.6");
    }

    @Test
    void findingsOfAnIndicatorExcludedLaterAreIgnored() {
        ScoreCard card = defaultAudit(2).nonconforming(CENTRAL, "PRD-RCY").excludeAfterAssessing("PRD-RCY").score();
        assertThat(card.applicableTotal()).isEqualTo(Rational.of(95));
        assertThat(card.score()).isEqualByComparingTo("100.0");
        assertThat(indicator(card, "PRD-RCY").excluded()).isTrue();
    }

    @Test
    void indicatorNotApplicableAtEverySiteLeavesTheApplicableTotal() {
        ScoreCard card = defaultAudit(2)
                .notApplicable(outlet(1), "PRD-DEL").notApplicable(outlet(2), "PRD-DEL")
                .nonconforming(CENTRAL, "SYS-ORG").score();

        IndicatorScore del = indicator(card, "PRD-DEL");
        assertThat(del.applicable()).isFalse();
        assertThat(del.excluded()).isFalse();
        assertThat(card.applicableTotal()).isEqualTo(Rational.of(94));
        assertThat(card.score()).isEqualByComparingTo("93.6"); // 100 × 88 / 94 = 93.617…
    }

    @Test
    void eachSpecialDeductionCostsOnePoint() {
        assertThat(defaultAudit(1).deduction().score().score()).isEqualByComparingTo("99.0");
        ScoreCard card = defaultAudit(1).deduction().deduction().deduction().score();
        assertThat(card.score()).isEqualByComparingTo("97.0");
        assertThat(card.specialDeductions()).hasSize(3);
    }

    @Test
    void bonusAddsOnePointAndIsClampedAtHundred() {
        ScoreCard lifted = defaultAudit(1).nonconforming(CENTRAL, "SYS-ORG").bonus().score();
        assertThat(lifted.score()).isEqualByComparingTo("95.0");
        assertThat(lifted.band()).isEqualTo(Band.FIVE_STAR);

        ScoreCard perfect = defaultAudit(1).bonus().score();
        assertThat(perfect.score()).isEqualByComparingTo("100.0");
        assertThat(perfect.exactScore()).isEqualTo(Rational.of(100));
    }

    @Test
    void bonusIsAtMostOnePoint() {
        // the event carries at most one bonus; setting it twice still adds exactly 1
        ScoreCard card = defaultAudit(1).nonconforming(CENTRAL, "SYS-ORG").bonus().bonus().score();
        assertThat(card.score()).isEqualByComparingTo("95.0");
    }

    @Test
    void bonusAndDeductionsCombine() {
        ScoreCard card = defaultAudit(1).nonconforming(CENTRAL, "SYS-ORG").deduction().deduction().bonus().score();
        assertThat(card.score()).isEqualByComparingTo("93.0");
    }

    @Test
    void clampedAtZero() {
        AuditBuilder audit = audit(oneSampledIndicator(10), 0).sampled(CENTRAL, "A", 10, 10);
        for (int i = 0; i < 3; i++) {
            audit.deduction();
        }
        ScoreCard card = audit.score();
        assertThat(card.score()).isEqualByComparingTo("0.0");
        assertThat(card.exactScore()).isEqualTo(Rational.ZERO);
        assertThat(card.band()).isEqualTo(Band.NOT_CERTIFIED);
    }

    @ParameterizedTest(name = "{1} nonconforming of {0} → exact {2}, shown {3} {4}")
    @CsvSource({
            "2000,  601, 69.95,  69.9, NOT_CERTIFIED",
            "10,      3, 70,     70.0, COMPLIANT",
            "10000, 2001, 79.99, 79.9, COMPLIANT",
            "10,      2, 80,     80.0, THREE_STAR",
            "10000, 1001, 89.99, 89.9, THREE_STAR",
            "10000, 1010, 89.9,  89.9, THREE_STAR",
            "10,      1, 90,     90.0, FOUR_STAR",
            "1000,   51, 94.9,   94.9, FOUR_STAR",
            "10000,  501, 94.99, 94.9, FOUR_STAR",
            "20,      1, 95,     95.0, FIVE_STAR",
    })
    void roundsDownAtEachBandThreshold(int checked, int nonconforming, String exact, String shown, Band band) {
        ScoreCard card = audit(oneSampledIndicator(100), 0).sampled(CENTRAL, "A", checked, nonconforming).score();

        assertThat(card.exactScore()).isEqualTo(Rational.of(d(exact)));
        assertThat(card.score()).isEqualTo(d(shown));
        assertThat(card.band()).isEqualTo(band);
    }

    @Test
    void thirdsAddUpExactly() {
        // three outlets each with 1 of 3 records nonconforming: c = 2/3 at each, earned exactly 2 of 3 points
        Scheme scheme = new Scheme("TEST", 1, "test", List.of(
                new Indicator("A", "g", "甲", "A", d("3"), Scope.SITES, true),
                new Indicator("B", "g", "乙", "B", d("1"), Scope.CENTRAL, false)));
        ScoreCard card = audit(scheme, 3)
                .sampled(outlet(1), "A", 3, 1).sampled(outlet(2), "A", 3, 1).sampled(outlet(3), "A", 3, 1)
                .score();

        assertThat(indicator(card, "A").earned()).isEqualTo(Rational.of(2));
        assertThat(card.earnedTotal()).isEqualTo(Rational.of(3));
        assertThat(card.exactScore()).isEqualTo(Rational.of(75));
        assertThat(card.score()).isEqualTo(d("75.0"));
    }

    @Test
    void exactWhereFloatingPointWouldMisroundBelowTheThreshold() {
        // 3 of 10 nonconforming on a 3-point indicator is exactly 70: in doubles 100 × (3 × 0.7) / 3 = 69.999…
        double inDoubles = 100 * (3 * (1 - 3 / 10.0)) / 3;
        assertThat(Math.floor(inDoubles * 10) / 10).isEqualTo(69.9);

        ScoreCard card = audit(oneSampledIndicator(3), 0).sampled(CENTRAL, "A", 10, 3).score();
        assertThat(card.score()).isEqualTo(d("70.0"));
        assertThat(card.band()).isEqualTo(Band.COMPLIANT);
    }

    @Test
    void centralFunctionAloneIsAssessedForEveryIndicator() {
        ScoreCard card = defaultAudit(0).sampled(CENTRAL, "PRD-REP", 4, 1).score();

        assertThat(card.indicators()).allSatisfy(i -> assertThat(i.sites()).singleElement()
                .satisfies(s -> assertThat(s.site().central()).isTrue()));
        assertThat(card.score()).isEqualByComparingTo("97.7"); // 100 − 9 × 1/4 = 97.75
    }

    @Test
    void decimalPointsAreExact() {
        Scheme scheme = new Scheme("TEST", 1, "test", List.of(
                new Indicator("A", "g", "甲", "A", d("0.1"), Scope.CENTRAL, false),
                new Indicator("B", "g", "乙", "B", d("0.2"), Scope.CENTRAL, false)));
        ScoreCard card = audit(scheme, 0).nonconforming(CENTRAL, "B").score();
        assertThat(card.applicableTotal()).isEqualTo(Rational.of(d("0.3")));
        assertThat(card.score()).isEqualTo(d("33.3"));
    }

    @Nested
    class Unscorable {

        @Test
        void unknownIndicator() {
            AuditBuilder audit = defaultAudit(1).finding(new Finding(CENTRAL, "NOPE", Result.CONFORMING, null,
                    null, null));
            assertThatThrownBy(audit::score).isInstanceOf(UnscorableAuditException.class)
                    .hasMessageContaining("unknown indicator NOPE");
        }

        @Test
        void exclusionOfUnknownIndicator() {
            assertThatThrownBy(defaultAudit(1).exclude("NOPE")::score)
                    .isInstanceOf(UnscorableAuditException.class).hasMessageContaining("NOPE");
        }

        @Test
        void missingFinding() {
            assertThatThrownBy(defaultAudit(1).without(outlet(1), "PRD-WAR")::score)
                    .isInstanceOf(UnscorableAuditException.class)
                    .hasMessageContaining("no finding for PRD-WAR at site S1");
        }

        @Test
        void findingAtASiteWhereTheIndicatorIsNotAssessed() {
            AuditBuilder audit = defaultAudit(1).finding(new Finding(outlet(1), "SYS-ORG", Result.CONFORMING,
                    null, null, null));
            assertThatThrownBy(audit::score).isInstanceOf(UnscorableAuditException.class)
                    .hasMessageContaining("does not assess it");
        }

        @Test
        void findingAtAnUnknownSite() {
            AuditBuilder audit = defaultAudit(1).finding(new Finding("S9", "PRD-WAR", Result.CONFORMING,
                    null, null, null));
            assertThatThrownBy(audit::score).isInstanceOf(UnscorableAuditException.class)
                    .hasMessageContaining("not a site of the audit");
        }

        @Test
        void inconsistentCounts() {
            assertThatThrownBy(defaultAudit(1).sampled(outlet(1), "PRD-REP", 5, 6)::score)
                    .isInstanceOf(UnscorableAuditException.class).hasMessageContaining("inconsistent sample counts");
            assertThatThrownBy(defaultAudit(1).finding(new Finding(outlet(1), "PRD-REP", Result.CONFORMING, null,
                    10, 3))::score).hasMessageContaining("CONFORMING with 3 nonconforming");
            assertThatThrownBy(defaultAudit(1).finding(new Finding(outlet(1), "PRD-REP", Result.NONCONFORMING,
                    null, 10, 0))::score).hasMessageContaining("NONCONFORMING without");
            assertThatThrownBy(defaultAudit(1).finding(new Finding(outlet(1), "PRD-REP", Result.NONCONFORMING,
                    null, null, null))::score).hasMessageContaining("needs the number of samples checked");
            assertThatThrownBy(defaultAudit(1).finding(new Finding(outlet(1), "PRD-REP", Result.CONFORMING,
                    null, 0, 0))::score).hasMessageContaining("needs the number of samples checked");
        }

        @Test
        void applicableTotalZero() {
            AuditBuilder audit = audit(oneSampledIndicator(10), 0).notApplicable(CENTRAL, "A");
            assertThatThrownBy(audit::score).isInstanceOf(UnscorableAuditException.class)
                    .hasMessageContaining("applicable total is 0");
            assertThatThrownBy(audit(oneSampledIndicator(10), 0).exclude("A")::score)
                    .hasMessageContaining("applicable total is 0");
        }

        @Test
        void siteStructure() {
            AuditBuilder twoCentral = defaultAudit(1)
                    .site(new AuditedSite("HQ2", null, true, "second HQ", "350100", "x"));
            assertThatThrownBy(twoCentral::score).hasMessageContaining("exactly one central function");
            assertThatThrownBy(() -> new ScoringEngine().score(Scheme.defaultScheme(),
                    new AuditFindings(List.of(), List.of(), null, null, null)))
                    .hasMessageContaining("no sites");
        }

        @Test
        void everyReasonIsReported() {
            AuditBuilder audit = defaultAudit(1).without(outlet(1), "PRD-WAR").sampled(outlet(1), "PRD-REP", 5, 6);
            assertThatThrownBy(audit::score).isInstanceOfSatisfying(UnscorableAuditException.class,
                    e -> assertThat(e.reasons()).hasSize(2));
        }
    }
}
