package com.starcert.scoring.engine;

import static com.starcert.scoring.engine.AuditBuilder.defaultAudit;
import static com.starcert.scoring.engine.GeneratedCases.assume;
import static com.starcert.scoring.engine.GeneratedCases.forAll;
import static com.starcert.scoring.engine.GeneratedCases.integer;
import static com.starcert.scoring.engine.GeneratedCases.integers;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.Band;
import com.starcert.contracts.Scheme;

/** Properties of the default scheme's scoring, over generated audits (see {@link GeneratedCases} to replay one). */
class ScoringPropertiesTest {

    private static final int TRIES = 1_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Up to 4 outlets and up to 80 dice of 0–99 that decide the findings. */
    record Dice(int outlets, List<Integer> dice) {
        static Dice draw(Random random) {
            return new Dice(integer(random, 0, 4), integers(random, 80, 0, 99));
        }
    }

    record DiceAndPick(Dice audit, int pick) {
        static DiceAndPick draw(Random random) {
            return new DiceAndPick(Dice.draw(random), integer(random, 0, 999));
        }
    }

    /** A random but consistent audit of the default scheme, driven by dice (a short list reads well on failure). */
    private static AuditBuilder randomAudit(int outlets, List<Integer> dice) {
        Iterator<Integer> die = dice.iterator();
        AuditBuilder audit = defaultAudit(outlets);
        for (Finding finding : audit.findings()) {
            int roll = die.hasNext() ? die.next() : 0;
            Scheme.Indicator indicator = AuditBuilder.DEFAULT_SCHEME.indicator(finding.indicator()).orElseThrow();
            if (roll < 50) {
                continue; // stays conforming
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
        if (extras % 7 == 0) {
            audit.exclude("PRD-RCY");
        }
        for (int i = 0; i < extras % 4; i++) {
            audit.deduction();
        }
        if (extras % 3 == 0) {
            audit.bonus();
        }
        return audit;
    }

    @TestFactory
    Stream<DynamicTest> scoreStaysWithinZeroAndHundredAndShowsTheFloor() {
        return forAll(TRIES, Dice::draw, c -> scoreStaysWithinZeroAndHundredAndShowsTheFloor(c.outlets(), c.dice()));
    }

    private static void scoreStaysWithinZeroAndHundredAndShowsTheFloor(int outlets, List<Integer> dice) {
        ScoreCard card = randomAudit(outlets, dice).score();

        assertThat(card.score()).isBetween(BigDecimal.ZERO, HUNDRED);
        assertThat(card.score().scale()).isEqualTo(1);
        Rational shown = Rational.of(card.score());
        assertThat(shown.compareTo(card.exactScore())).isLessThanOrEqualTo(0);
        assertThat(card.exactScore().minus(shown).compareTo(Rational.of(1, 10))).isLessThan(0);
        assertThat(card.band()).isEqualTo(Band.of(card.score()));
    }

    @TestFactory
    Stream<DynamicTest> fixingANonconformityNeverLowersTheScore() {
        return forAll(TRIES, DiceAndPick::draw, c -> fixingANonconformityNeverLowersTheScore(c.audit().outlets(),
                c.audit().dice(), c.pick()));
    }

    private static void fixingANonconformityNeverLowersTheScore(int outlets, List<Integer> dice, int pick) {
        AuditBuilder audit = randomAudit(outlets, dice);
        List<Finding> nonconforming = audit.findings().stream()
                .filter(f -> f.result() == Result.NONCONFORMING).toList();
        assume(!nonconforming.isEmpty());
        ScoreCard before = audit.score();

        Finding fixed = nonconforming.get(pick % nonconforming.size());
        audit.finding(new Finding(fixed.siteId(), fixed.indicator(), Result.CONFORMING, "corrected",
                fixed.samplesChecked(), fixed.samplesChecked() == null ? null : 0));
        ScoreCard after = audit.score();

        assertThat(after.exactScore().compareTo(before.exactScore())).isGreaterThanOrEqualTo(0);
        assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
    }
}
