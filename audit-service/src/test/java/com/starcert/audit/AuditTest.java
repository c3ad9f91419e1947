package com.starcert.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.audit.findings.FindingsUpdate;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.audit.planning.Selection;
import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.Result;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Holder;
import com.starcert.contracts.SchemeRef;

class AuditTest {

    static final Instant T = Instant.parse("2026-03-01T08:00:00Z");
    static final Who ALICE = new Who("admin-alice", "Alice");
    static final Who BOB = new Who("aud-bob", "Bob");
    static final Who CAROL = new Who("aud-carol", "Carol");

    static Audit planned() {
        return Audit.planned("a1", "e1", new Holder("ACME", "91350100M000100Y43"), AuditType.INITIAL,
                new SchemeRef("GBT27922-2011", 1), 1, 1, 42L, null, true, false, new BigDecimal("1.0"), null,
                List.of(new PlannedSite("CENTRAL", null, true, Selection.CENTRAL, "always", "ACME", "350100", "a"),
                        new PlannedSite("S01", "o1", false, Selection.RANDOM, "drawn", "O1", "440100", "b")),
                "corr-1", T, ALICE);
    }

    @Test
    void findingsMergeBySiteAndIndicatorAndTheRestIsKeptUnlessGiven() {
        Audit audit = planned();
        audit.record(new FindingsUpdate(List.of(
                new Finding("CENTRAL", "SYS-ORG", Result.NONCONFORMING, "no chart", null, null),
                new Finding("S01", "PRD-INFO", Result.CONFORMING, null, null, null)),
                List.of(new Exclusion("PRD-RCY", "n/a")), null, new Bonus("leading")), T.plusSeconds(60), BOB);
        audit.record(new FindingsUpdate(List.of(
                new Finding("CENTRAL", "SYS-ORG", Result.CONFORMING, null, null, null)), null, null, null),
                T.plusSeconds(120), BOB);

        assertThat(audit.findings()).containsExactly(
                new Finding("CENTRAL", "SYS-ORG", Result.CONFORMING, null, null, null),
                new Finding("S01", "PRD-INFO", Result.CONFORMING, null, null, null));
        assertThat(audit.exclusions()).hasSize(1);
        assertThat(audit.bonus()).isEqualTo(new Bonus("leading"));
        assertThat(audit.status()).isEqualTo(AuditStatus.IN_PROGRESS);
        assertThat(audit.timeline()).containsExactly(
                new TimelineEntry(AuditStatus.PLANNED, T, "admin-alice", "Alice", null),
                new TimelineEntry(AuditStatus.IN_PROGRESS, T.plusSeconds(60), "aud-bob", "Bob", null));

        audit.record(new FindingsUpdate(List.of(), List.of(), null, null), T.plusSeconds(180), BOB);
        assertThat(audit.exclusions()).isEmpty();
    }

    @Test
    void submissionRaisesTheRevisionOnceAndClosesTheAudit() {
        Audit audit = planned();
        AuditSubmitted event = audit.submit(new Holder("ACME 2", "91350100M000100Y43"), T.plusSeconds(300), CAROL);

        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.holder().name()).isEqualTo("ACME 2");
        assertThat(event.sites()).extracting(s -> s.siteId()).containsExactly("CENTRAL", "S01");
        assertThat(audit.status()).isEqualTo(AuditStatus.SUBMITTED);
        assertThat(audit.revision()).isEqualTo(1);
        assertThatThrownBy(() -> audit.submit(audit.holder(), T, CAROL)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> audit.record(new FindingsUpdate(List.of(), null, null, null), T, BOB))
                .isInstanceOf(IllegalStateException.class);
    }
}
