package com.starcert.scoring.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.Band;
import com.starcert.contracts.SchemeRef;
import com.starcert.scoring.engine.IndicatorScore;
import com.starcert.scoring.engine.Rational;
import com.starcert.scoring.engine.ScoreCard;
import com.starcert.scoring.engine.ScoringEngine;
import com.starcert.scoring.engine.SiteAssessment;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * The score card (评分表) of one audit revision, {@code _id = auditId:revision}. Its content is written once and
 * never changed; later writes only drain {@code outbox} (the relay) and set {@code decidedAt} once. Inserting it
 * also queues its ScoreComputed event: one write, state and event together. {@code exactScore} keeps the unrounded
 * score as a fraction for the record.
 *
 * @param decidedAt  when certificate-service reported its decision on this revision (issued, refused, or a decision
 *                   on a certificate in force); null before. The enterprise sees its score card only from then on.
 * @param returnedAt when the CB returned this revision for correction (退回修改): its score no longer stands and it is
 *                   never decided; null otherwise
 */
@Document("scoreCards")
@CompoundIndexes({
        @CompoundIndex(name = "enterprise_audit_revision", def = "{'enterpriseId': 1, 'auditId': 1, 'revision': -1}"),
        @CompoundIndex(name = "audit_revision", def = "{'auditId': 1, 'revision': -1}")
})
public record ScoreCardDocument(
        @Id String id,
        String auditId,
        int revision,
        String enterpriseId,
        SchemeRef scheme,
        BigDecimal score,
        String exactScore,
        Band band,
        BigDecimal applicableTotal,
        BigDecimal earnedTotal,
        List<IndicatorLine> indicators,
        List<DeductionLine> specialDeductions,
        BonusLine bonus,
        Instant computedAt,
        Instant decidedAt,
        Instant returnedAt,
        List<OutboxMessage> outbox) implements OutboxAggregate {

    /** Decimals shown for conformity and earned points; the score itself is computed exactly. */
    static final int DISPLAY_SCALE = 4;

    public record IndicatorLine(String indicator, String group, String name, BigDecimal points, boolean applicable,
                                boolean excluded, String justification, BigDecimal conformity, BigDecimal earned,
                                List<SiteLine> sites) {
    }

    public record SiteLine(String siteId, boolean central, AuditSubmitted.Result result, String reason,
                           Integer samplesChecked, Integer samplesNonconforming, BigDecimal conformity) {
    }

    /** {@code points} is signed: −1 per special deduction (特别扣分项). */
    public record DeductionLine(AuditSubmitted.DeductionCategory category, String description, BigDecimal points) {
    }

    /** {@code points} is +1 for the special bonus (特别加分项). */
    public record BonusLine(String description, BigDecimal points) {
    }

    public static String idOf(String auditId, int revision) {
        return auditId + ":" + revision;
    }

    static ScoreCardDocument of(AuditSubmitted audit, ScoreCard card, Instant computedAt, OutboxMessage event) {
        BigDecimal applicableTotal = card.indicators().stream()
                .filter(IndicatorScore::applicable)
                .map(i -> i.indicator().points())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal deduction = decimal(ScoringEngine.SPECIAL_DEDUCTION_POINTS).negate();
        return new ScoreCardDocument(
                idOf(audit.auditId(), audit.revision()),
                audit.auditId(),
                audit.revision(),
                audit.enterpriseId(),
                card.scheme(),
                card.score(),
                card.exactScore().toString(),
                card.band(),
                applicableTotal,
                card.earnedTotal().toDecimal(DISPLAY_SCALE),
                card.indicators().stream().map(ScoreCardDocument::line).toList(),
                card.specialDeductions().stream()
                        .map(d -> new DeductionLine(d.category(), d.description(), deduction))
                        .toList(),
                card.bonus() == null ? null
                        : new BonusLine(card.bonus().description(), decimal(ScoringEngine.BONUS_POINTS)),
                computedAt,
                null,
                null,
                List.of(event));
    }

    private static IndicatorLine line(IndicatorScore score) {
        var indicator = score.indicator();
        return new IndicatorLine(indicator.code(), indicator.group(), name(indicator.nameZh(), indicator.nameEn()),
                indicator.points(), score.applicable(), score.excluded(), score.justification(),
                display(score.conformity()), display(score.earned()),
                score.sites().stream().map(ScoreCardDocument::line).toList());
    }

    private static SiteLine line(SiteAssessment assessment) {
        var finding = assessment.finding();
        return new SiteLine(assessment.site().siteId(), assessment.site().central(), finding.result(),
                finding.reason(), finding.samplesChecked(), finding.samplesNonconforming(),
                display(assessment.conformity()));
    }

    private static String name(String zh, String en) {
        if (zh == null || zh.isBlank()) {
            return en;
        }
        return en == null || en.isBlank() ? zh : zh + " " + en;
    }

    private static BigDecimal display(Rational value) {
        return value == null ? null : value.toDecimal(DISPLAY_SCALE);
    }

    private static BigDecimal decimal(Rational whole) {
        return new BigDecimal(whole.numerator());
    }
}
