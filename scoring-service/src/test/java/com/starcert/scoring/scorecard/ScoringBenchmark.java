package com.starcert.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.Scheme;
import com.starcert.scoring.engine.AuditBuilder;
import com.starcert.scoring.engine.AuditFindings;
import com.starcert.scoring.engine.ScoreCard;
import com.starcert.scoring.engine.ScoringEngine;
import com.starcert.support.messaging.OutboxMessage;

/**
 * Scoring an audit of 300 sites (the central function and 299 outlets, about 3 300 findings) with the default scheme:
 * the engine, then the stored card built from it. Prints figures; not a timed test and not run by {@code mvn verify}:
 * <pre>mvn -o -q -pl scoring-service test -Dtest=ScoringBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ScoringBenchmark {

    private static final int SITES = 300;
    private static final int WARM_UP = 500;
    private static final int RUNS = 2_000;

    @Test
    void scoreAnAuditOf300Sites() {
        Scheme scheme = Scheme.defaultScheme();
        AuditSubmitted audit = audit(scheme);
        AuditFindings findings = AuditFindings.of(audit);
        ScoringEngine engine = new ScoringEngine();
        OutboxMessage event = new OutboxMessage("e", "score.computed", "E-1", "{}", Instant.EPOCH);

        long[] engineOnly = new long[RUNS];
        long[] withCard = new long[RUNS];
        ScoreCard card = null;
        for (int i = 0; i < WARM_UP; i++) {
            card = engine.score(scheme, findings);
            ScoreCardDocument.of(audit, card, Instant.EPOCH, event);
        }
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            card = engine.score(scheme, AuditFindings.of(audit));
            long scored = System.nanoTime();
            ScoreCardDocument.of(audit, card, Instant.EPOCH, event);
            long end = System.nanoTime();
            engineOnly[i] = scored - start;
            withCard[i] = end - start;
        }

        System.out.printf("%nScoringBenchmark: audit of %d sites, %d findings, default scheme; %d warm-up, %d runs%n",
                SITES, audit.findings().size(), WARM_UP, RUNS);
        System.out.printf("  score %s (%s)%n", card.score(), card.band());
        report("engine only          ", engineOnly);
        report("engine + stored card ", withCard);
        assertThat(card.indicators()).hasSize(15);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %s median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                ms(sorted[sorted.length / 2]), ms(sorted[(int) (sorted.length * 0.95)]),
                ms(sorted[(int) (sorted.length * 0.99)]), ms(sorted[sorted.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Seeded: about one finding in five nonconforming, sampled indicators with varied counts. */
    private static AuditSubmitted audit(Scheme scheme) {
        Random random = new Random(27922);
        AuditBuilder builder = AuditBuilder.audit(scheme, SITES - 1);
        for (Finding finding : builder.findings()) {
            if (random.nextInt(5) != 0) {
                continue;
            }
            if (scheme.indicator(finding.indicator()).orElseThrow().sampled()) {
                int checked = 1 + random.nextInt(30);
                builder.sampled(finding.siteId(), finding.indicator(), checked, 1 + random.nextInt(checked));
            } else {
                builder.nonconforming(finding.siteId(), finding.indicator());
            }
        }
        return builder.deduction().toEvent("A-bench", 1, "E-bench");
    }
}
