package com.starcert.scoring.engine;

import static com.starcert.scoring.engine.AuditBuilder.defaultAudit;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.Band;
import com.starcert.contracts.Scheme;

class ScoringPropertiesTest {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A random but consistent audit of the default scheme, driven by dice so jqwik can shrink it. */
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

    @Property
    void scoreStaysWithinZeroAndHundredAndShowsTheFloor(@ForAll @IntRange(min = 0, max = 4) int outlets,
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 99) Integer> dice) {
        ScoreCard card = randomAudit(outlets, dice).score();

        assertThat(card.score()).isBetween(BigDecimal.ZERO, HUNDRED);
        assertThat(card.score().scale()).isEqualTo(1);
        Rational shown = Rational.of(card.score());
        assertThat(shown.compareTo(card.exactScore())).isLessThanOrEqualTo(0);
        assertThat(card.exactScore().minus(shown).compareTo(Rational.of(1, 10))).isLessThan(0);
        assertThat(card.band()).isEqualTo(Band.of(card.score()));
    }

    @Property
    void fixingANonconformityNeverLowersTheScore(@ForAll @IntRange(min = 0, max = 4) int outlets,
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 99) Integer> dice,
            @ForAll @IntRange(min = 0, max = 999) int pick) {
        AuditBuilder audit = randomAudit(outlets, dice);
        List<Finding> nonconforming = audit.findings().stream()
                .filter(f -> f.result() == Result.NONCONFORMING).toList();
        Assume.that(!nonconforming.isEmpty());
        ScoreCard before = audit.score();

        Finding fixed = nonconforming.get(pick % nonconforming.size());
        audit.finding(new Finding(fixed.siteId(), fixed.indicator(), Result.CONFORMING, "corrected",
                fixed.samplesChecked(), fixed.samplesChecked() == null ? null : 0));
        ScoreCard after = audit.score();

        assertThat(after.exactScore().compareTo(before.exactScore())).isGreaterThanOrEqualTo(0);
        assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
    }
}
