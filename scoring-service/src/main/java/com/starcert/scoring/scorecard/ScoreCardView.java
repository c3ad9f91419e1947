package com.starcert.scoring.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.starcert.contracts.Band;
import com.starcert.contracts.SchemeRef;
import com.starcert.scoring.scorecard.ScoreCardDocument.BonusLine;
import com.starcert.scoring.scorecard.ScoreCardDocument.DeductionLine;
import com.starcert.scoring.scorecard.ScoreCardDocument.IndicatorLine;

/** The score card as the API shows it: the stored card without its storage fields. */
public record ScoreCardView(
        String auditId,
        int revision,
        String enterpriseId,
        SchemeRef scheme,
        BigDecimal score,
        Band band,
        BigDecimal applicableTotal,
        BigDecimal earnedTotal,
        List<IndicatorLine> indicators,
        List<DeductionLine> specialDeductions,
        BonusLine bonus,
        Instant computedAt,
        Instant decidedAt,
        Instant returnedAt) {

    static ScoreCardView of(ScoreCardDocument card) {
        return new ScoreCardView(card.auditId(), card.revision(), card.enterpriseId(), card.scheme(), card.score(),
                card.band(), card.applicableTotal(), card.earnedTotal(), card.indicators(),
                card.specialDeductions(), card.bonus(), card.computedAt(), card.decidedAt(), card.returnedAt());
    }
}
