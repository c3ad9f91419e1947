package com.starcert.scoring.engine;

import java.math.BigDecimal;
import java.util.List;

import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.Band;
import com.starcert.contracts.SchemeRef;

/**
 * The outcome of scoring one audit, explaining itself per indicator and site. {@code exactScore} is the score
 * before rounding (already clamped to [0, 100]); {@code score} is what is shown — rounded down to one decimal —
 * and {@code band} is taken from the shown score.
 */
public record ScoreCard(SchemeRef scheme, Rational exactScore, BigDecimal score, Band band,
                        Rational applicableTotal, Rational earnedTotal, List<IndicatorScore> indicators,
                        List<SpecialDeduction> specialDeductions, Bonus bonus) {

    public ScoreCard {
        indicators = List.copyOf(indicators);
        specialDeductions = List.copyOf(specialDeductions);
    }
}
