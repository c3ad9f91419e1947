package com.starcert.scoring.engine;

import static com.starcert.scoring.engine.AuditBuilder.CENTRAL;
import static com.starcert.scoring.engine.AuditBuilder.outlet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.contracts.Band;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.Scheme.Indicator;
import com.starcert.contracts.Scheme.Scope;

/** The engine on a scheme that is not the default: other codes, decimal points, a total of 50. */
class OtherSchemeScoringTest {

    private static final Scheme RETAIL = new Scheme("RETAIL", 2, "零售 retail", List.of(
            new Indicator("R-ORG", "体系 system", "组织", "Organisation", new BigDecimal("12.5"), Scope.CENTRAL, false),
            new Indicator("R-STAFF", "体系 system", "人员", "Staff", new BigDecimal("30"), Scope.SITES, true),
            new Indicator("R-CMP", "顾客 customer", "投诉", "Complaints", new BigDecimal("7.5"),
                    Scope.CENTRAL_AND_SITES, false)));

    private static AuditBuilder audit() {
        // R-STAFF: 3 of 10 deficient at S1, all 5 fine at S2 → (0.7 + 1) / 2 = 0.85 → 25.5 of 30
        // R-CMP: conforming at HQ, nonconforming at S1, not applicable at S2 → (1 + 0) / 2 → 3.75 of 7.5
        return AuditBuilder.audit(RETAIL, 2)
                .sampled(outlet(1), "R-STAFF", 10, 3)
                .nonconforming(outlet(1), "R-CMP")
                .notApplicable(outlet(2), "R-CMP");
    }

    private static IndicatorScore line(ScoreCard card, String code) {
        return card.indicators().stream().filter(i -> i.indicator().code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void scoresWithTheSchemesOwnIndicatorsAndPoints() {
        ScoreCard card = audit().score();

        assertThat(card.scheme()).isEqualTo(RETAIL.ref());
        assertThat(card.indicators()).extracting(i -> i.indicator().code()).containsExactly("R-ORG", "R-STAFF", "R-CMP");
        assertThat(line(card, "R-STAFF").conformity()).isEqualTo(Rational.of(17, 20));
        assertThat(line(card, "R-STAFF").earned()).isEqualTo(Rational.of(51, 2));
        assertThat(line(card, "R-CMP").earned()).isEqualTo(Rational.of(15, 4));
        assertThat(line(card, "R-CMP").sites()).hasSize(3);
        assertThat(card.applicableTotal()).isEqualTo(Rational.of(50));
        assertThat(card.earnedTotal()).isEqualTo(Rational.of(167, 4)); // 41.75
        assertThat(card.exactScore()).isEqualTo(Rational.of(167, 2));   // 83.5
        assertThat(card.score()).isEqualTo(new BigDecimal("83.5"));
        assertThat(card.band()).isEqualTo(Band.THREE_STAR);
    }

    @Test
    void exclusionAndBonusOnTheOtherScheme() {
        // R-CMP excluded: 38 of 42.5 = 89.41… + 1 bonus = 90.41… → 90.4, four-star
        ScoreCard card = audit().exclude("R-CMP").bonus().score();

        assertThat(card.applicableTotal()).isEqualTo(Rational.of(85, 2));
        assertThat(card.exactScore()).isEqualTo(Rational.of(7600, 85).plus(Rational.ONE));
        assertThat(card.score()).isEqualTo(new BigDecimal("90.4"));
        assertThat(card.band()).isEqualTo(Band.FOUR_STAR);
    }

    @Test
    void indicatorsOfAnotherSchemeAreUnknownHere() {
        assertThatThrownBy(() -> audit().nonconforming(CENTRAL, "SYS-ORG").score())
                .isInstanceOf(UnscorableAuditException.class)
                .hasMessageContaining("finding for unknown indicator SYS-ORG at site HQ");
    }
}
