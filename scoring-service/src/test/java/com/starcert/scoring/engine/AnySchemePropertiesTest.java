package com.starcert.scoring.engine;

import static com.starcert.scoring.engine.GeneratedCases.assume;
import static com.starcert.scoring.engine.GeneratedCases.forAll;
import static com.starcert.scoring.engine.GeneratedCases.integer;
import static com.starcert.scoring.engine.GeneratedCases.integers;
import static com.starcert.scoring.engine.GeneratedCases.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.Band;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.Scheme.Indicator;
import com.starcert.contracts.Scheme.Scope;

/**
 * The scoring rules hold for any scheme: any number of indicators, any point values (whole or with decimals, any
 * total), any scopes and sampled flags, any number of outlets, any mix of findings, exclusions, special deductions
 * and bonus.
 */
class AnySchemePropertiesTest {

    private static final int TRIES = 500;
    private static final Rational HUNDRED = Rational.of(100);
    private static final Rational TENTH = Rational.of(1, 10);
    private static final List<Integer> THRESHOLDS = List.of(70, 80, 90, 95);

    /**
     * 1 to 12 indicators with any scope and sampled flag; points whole (1–30) or with two decimals (0.01–50.00), so
     * totals are anything, not just 100.
     */
    static Scheme randomScheme(Random random) {
        int size = integer(random, 1, 12);
        List<Indicator> indicators = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            BigDecimal points = random.nextBoolean()
                    ? BigDecimal.valueOf(integer(random, 1, 30))
                    : BigDecimal.valueOf(integer(random, 1, 5_000), 2);
            indicators.add(new Indicator("I" + i, "group", "指标", "indicator", points,
                    oneOf(random, List.of(Scope.values())), random.nextBoolean()));
        }
        return new Scheme("RANDOM", 1, "random scheme", indicators);
    }

    /** A scheme, 0–5 outlets and up to 80 dice of 0–99 that decide the findings. */
    record SchemeAudit(Scheme scheme, int outlets, List<Integer> dice) {
        static SchemeAudit draw(Random random) {
            return new SchemeAudit(randomScheme(random), integer(random, 0, 5), integers(random, 80, 0, 99));
        }

        AuditBuilder audit() {
            return randomAudit(scheme, outlets, dice);
        }
    }

    record SchemeAuditAndPick(SchemeAudit audit, int pick) {
        static SchemeAuditAndPick draw(Random random) {
            return new SchemeAuditAndPick(SchemeAudit.draw(random), integer(random, 0, 999));
        }
    }

    record PerfectAudit(SchemeAudit audit, int pick, int deductions, boolean bonus) {
        static PerfectAudit draw(Random random) {
            return new PerfectAudit(SchemeAudit.draw(random), integer(random, 0, 999), integer(random, 0, 3),
                    random.nextBoolean());
        }
    }

    record NearThreshold(int threshold, int checked, int offset, int sampledPoints, int otherPoints, int deductions,
            boolean bonus) {
        static NearThreshold draw(Random random) {
            return new NearThreshold(oneOf(random, THRESHOLDS), integer(random, 1, 5_000), integer(random, -3, 3),
                    integer(random, 1, 40), integer(random, 0, 40), integer(random, 0, 1), random.nextBoolean());
        }
    }

    record ThresholdAndPoints(int threshold, int cents) {
        static ThresholdAndPoints draw(Random random) {
            return new ThresholdAndPoints(oneOf(random, THRESHOLDS), integer(random, 1, 5_000));
        }
    }

    /**
     * A consistent audit of the scheme driven by dice (a short list that reads well in a failure): per finding a roll below 50 keeps it
     * conforming, 50–94 makes it nonconforming (a share of the samples for a sampled indicator), 95+ not applicable;
     * the last rolls pick an exclusion, special deductions and the bonus.
     */
    private static AuditBuilder randomAudit(Scheme scheme, int outlets, List<Integer> dice) {
        Iterator<Integer> die = dice.iterator();
        AuditBuilder audit = AuditBuilder.audit(scheme, outlets);
        for (Finding finding : audit.findings()) {
            int roll = die.hasNext() ? die.next() : 0;
            Indicator indicator = scheme.indicator(finding.indicator()).orElseThrow();
            if (roll < 50) {
                continue;
            }
            if (roll >= 95) {
                audit.notApplicable(finding.siteId(), finding.indicator());
            } else if (indicator.sampled()) {
                int checked = 1 + roll % 12;
                audit.sampled(finding.siteId(), finding.indicator(), checked, 1 + roll % checked);
            } else {
                audit.nonconforming(finding.siteId(), finding.indicator());
            }
        }
        int extras = die.hasNext() ? die.next() : 0;
        if (extras % 5 == 0 && scheme.indicators().size() > 1) {
            audit.exclude(scheme.indicators().get(extras % scheme.indicators().size()).code());
        }
        for (int i = 0; i < extras % 4; i++) {
            audit.deduction();
        }
        if (extras % 3 == 0) {
            audit.bonus();
        }
        return audit;
    }

    /** The card, or nothing when no indicator is left applicable (such an audit is refused, not scored). */
    private static Optional<ScoreCard> score(AuditBuilder audit) {
        try {
            return Optional.of(audit.score());
        } catch (UnscorableAuditException e) {
            assertThat(e.reasons()).containsExactly("no indicator is applicable, so the applicable total is 0");
            return Optional.empty();
        }
    }

    private static void assertShownIsTheFloorAndTheBandFollowsIt(ScoreCard card) {
        Rational shown = Rational.of(card.score());
        assertThat(card.score().scale()).isEqualTo(1);
        assertThat(shown.compareTo(card.exactScore())).isLessThanOrEqualTo(0);
        assertThat(card.exactScore().minus(shown).compareTo(TENTH)).isLessThan(0);
        assertThat(card.band()).isEqualTo(Band.of(card.score()));
        for (int threshold : THRESHOLDS) {
            // the shown score reaches a threshold exactly when the real score does
            assertThat(card.score().compareTo(BigDecimal.valueOf(threshold)) >= 0)
                    .as("shown %s vs exact %s at %d", card.score(), card.exactScore(), threshold)
                    .isEqualTo(card.exactScore().compareTo(Rational.of(threshold)) >= 0);
        }
    }

    @TestFactory
    Stream<DynamicTest> scoreStaysWithinZeroAndHundred() {
        return forAll(TRIES, SchemeAudit::draw, AnySchemePropertiesTest::scoreStaysWithinZeroAndHundred);
    }

    private static void scoreStaysWithinZeroAndHundred(SchemeAudit generated) {
        Optional<ScoreCard> scored = score(generated.audit());
        assume(scored.isPresent());
        ScoreCard card = scored.get();

        assertThat(card.exactScore().compareTo(Rational.ZERO)).isGreaterThanOrEqualTo(0);
        assertThat(card.exactScore().compareTo(HUNDRED)).isLessThanOrEqualTo(0);
        assertThat(card.score()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        assertThat(card.earnedTotal().compareTo(card.applicableTotal())).isLessThanOrEqualTo(0);
        assertShownIsTheFloorAndTheBandFollowsIt(card);
    }

    @TestFactory
    Stream<DynamicTest> turningANonconformityIntoAConformityNeverLowersTheScore() {
        return forAll(TRIES, SchemeAuditAndPick::draw,
                AnySchemePropertiesTest::turningANonconformityIntoAConformityNeverLowersTheScore);
    }

    private static void turningANonconformityIntoAConformityNeverLowersTheScore(SchemeAuditAndPick generated) {
        AuditBuilder audit = generated.audit().audit();
        int pick = generated.pick();
        List<Finding> nonconforming = audit.findings().stream()
                .filter(f -> f.result() == Result.NONCONFORMING).toList();
        assume(!nonconforming.isEmpty());
        Optional<ScoreCard> before = score(audit);
        assume(before.isPresent());

        Finding fixed = nonconforming.get(pick % nonconforming.size());
        audit.finding(new Finding(fixed.siteId(), fixed.indicator(), Result.CONFORMING, "corrected",
                fixed.samplesChecked(), fixed.samplesChecked() == null ? null : 0));
        ScoreCard after = score(audit).orElseThrow();

        assertThat(after.exactScore().compareTo(before.get().exactScore())).isGreaterThanOrEqualTo(0);
        assertThat(after.score()).isGreaterThanOrEqualTo(before.get().score());
        assertThat(after.band().compareTo(before.get().band())).isLessThanOrEqualTo(0); // bands are best first
    }

    @TestFactory
    Stream<DynamicTest> excludingAFullyConformingIndicatorKeepsAPerfectScore() {
        return forAll(TRIES, PerfectAudit::draw,
                AnySchemePropertiesTest::excludingAFullyConformingIndicatorKeepsAPerfectScore);
    }

    private static void excludingAFullyConformingIndicatorKeepsAPerfectScore(PerfectAudit generated) {
        Scheme scheme = generated.audit().scheme();
        int outlets = generated.audit().outlets();
        List<Integer> dice = generated.audit().dice();
        int pick = generated.pick();
        int deductions = generated.deductions();
        boolean bonus = generated.bonus();
        // every finding conforming, some sites not applicable: a perfect score
        Iterator<Integer> die = dice.iterator();
        AuditBuilder audit = AuditBuilder.audit(scheme, outlets);
        for (Finding finding : audit.findings()) {
            if (die.hasNext() && die.next() >= 85) {
                audit.notApplicable(finding.siteId(), finding.indicator());
            }
        }
        for (int i = 0; i < deductions; i++) {
            audit.deduction();
        }
        if (bonus) {
            audit.bonus();
        }
        Optional<ScoreCard> scored = score(audit);
        assume(scored.isPresent());
        ScoreCard perfect = scored.get();
        List<IndicatorScore> applicable = perfect.indicators().stream().filter(IndicatorScore::applicable).toList();
        assume(applicable.size() >= 2);
        assertThat(perfect.earnedTotal()).isEqualTo(perfect.applicableTotal());

        String excluded = applicable.get(pick % applicable.size()).indicator().code();
        ScoreCard after = score(audit.excludeAfterAssessing(excluded)).orElseThrow();

        assertThat(after.exactScore()).isEqualTo(perfect.exactScore());
        assertThat(after.score()).isEqualTo(perfect.score());
        assertThat(after.band()).isEqualTo(perfect.band());
        assertThat(after.applicableTotal()).isEqualTo(perfect.applicableTotal()
                .minus(Rational.of(scheme.indicator(excluded).orElseThrow().points())));
    }

    /**
     * Scores just below, at and just above each band threshold: a sampled indicator with {@code checked} samples
     * lands the exact score within a few samples of the threshold (plus a second, conforming indicator so the
     * points and the fraction vary), then deductions and the bonus move it by whole points.
     */
    @TestFactory
    Stream<DynamicTest> theShownScoreIsRoundedDownAndTheBandFollowsItAtEveryThreshold() {
        return forAll(TRIES, NearThreshold::draw,
                AnySchemePropertiesTest::theShownScoreIsRoundedDownAndTheBandFollowsItAtEveryThreshold);
    }

    private static void theShownScoreIsRoundedDownAndTheBandFollowsItAtEveryThreshold(NearThreshold generated) {
        int threshold = generated.threshold();
        int checked = generated.checked();
        int offset = generated.offset();
        int sampledPoints = generated.sampledPoints();
        int otherPoints = generated.otherPoints();
        int deductions = generated.deductions();
        boolean bonus = generated.bonus();
        Scheme scheme = new Scheme("EDGE", 1, "edge", otherPoints == 0
                ? List.of(sampled(sampledPoints))
                : List.of(sampled(sampledPoints), new Indicator("Q", "g", "定性", "qualitative",
                        BigDecimal.valueOf(otherPoints), Scope.CENTRAL, false)));
        // lost share of the total so that 100 × earned / total is near the threshold
        long total = sampledPoints + otherPoints;
        long target = Math.round((double) checked * (100 - threshold) * total / (100.0 * sampledPoints));
        int nonconforming = (int) Math.max(0, Math.min(checked, target + offset));
        AuditBuilder audit = AuditBuilder.audit(scheme, 0).sampled(AuditBuilder.CENTRAL, "S", checked, nonconforming);
        for (int i = 0; i < deductions; i++) {
            audit.deduction();
        }
        if (bonus) {
            audit.bonus();
        }

        assertShownIsTheFloorAndTheBandFollowsIt(audit.score());
    }

    /** 69.9/70.0, 79.9/80.0, 89.9/90.0, 94.9/95.0 and a hair below each threshold, for any points value. */
    @TestFactory
    Stream<DynamicTest> theBandChangesExactlyAtTheThreshold() {
        return forAll(200, ThresholdAndPoints::draw, AnySchemePropertiesTest::theBandChangesExactlyAtTheThreshold);
    }

    private static void theBandChangesExactlyAtTheThreshold(ThresholdAndPoints generated) {
        int threshold = generated.threshold();
        int cents = generated.cents();
        Scheme scheme = new Scheme("EDGE", 1, "edge", List.of(new Indicator("S", "g", "抽样", "sampled",
                BigDecimal.valueOf(cents, 2), Scope.CENTRAL, true)));
        int lostTenths = (100 - threshold) * 10;

        ScoreCard below = AuditBuilder.audit(scheme, 0).sampled(AuditBuilder.CENTRAL, "S", 1000, lostTenths + 1)
                .score();
        ScoreCard at = AuditBuilder.audit(scheme, 0).sampled(AuditBuilder.CENTRAL, "S", 1000, lostTenths).score();
        ScoreCard hairBelow = AuditBuilder.audit(scheme, 0)
                .sampled(AuditBuilder.CENTRAL, "S", 100_000, lostTenths * 100 + 1).score();

        BigDecimal t = BigDecimal.valueOf(threshold);
        assertThat(below.score()).isEqualTo(t.subtract(new BigDecimal("0.1")));
        assertThat(at.score()).isEqualTo(t.setScale(1));
        assertThat(hairBelow.exactScore()).isEqualTo(Rational.of(threshold).minus(Rational.of(1, 1000)));
        assertThat(hairBelow.score()).isEqualTo(below.score());
        assertThat(at.band().threshold()).isEqualByComparingTo(t);
        assertThat(below.band().threshold()).isLessThan(t);
        assertThat(hairBelow.band()).isEqualTo(below.band());
    }

    private static Indicator sampled(int points) {
        return new Indicator("S", "g", "抽样", "sampled", BigDecimal.valueOf(points), Scope.CENTRAL, true);
    }
}
