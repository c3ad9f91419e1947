package com.starcert.audit.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.audit.Audit;
import com.starcert.audit.Who;
import com.starcert.audit.AuditStatus;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.audit.planning.Selection;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Holder;
import com.starcert.contracts.SchemeRef;

class ProgrammeScheduleTest {

    static final ProgrammeSchedule SCHEDULE = new ProgrammeSchedule(12, 3);
    static final Programme PROGRAMME = new Programme("e1", "a0", "SC-2026-000001", 1, LocalDate.of(2026, 3, 1),
            LocalDate.of(2029, 2, 28), Instant.parse("2026-03-01T10:00:00Z"), null, null);

    static Audit audit(String id, AuditType type, ProgrammeStep step, String cycle) {
        Audit a = Audit.planned(id, "e1", new Holder("ACME", "91350100M000100Y43"), type,
                new SchemeRef("GBT27922-2011", 1), 0, 0, 1L, null, true, false, BigDecimal.ONE, null,
                List.of(new PlannedSite("CENTRAL", null, true, Selection.CENTRAL, "always", "ACME", "350100", "a")),
                "c", Instant.parse("2026-01-01T00:00:00Z"), new Who("alice", "Alice"));
        a.placeInProgramme(step, cycle);
        return a;
    }

    @Test
    void dueDatesCountFromTheDecisionAndTheRecertificationIsDueThreeMonthsBeforeExpiry() {
        assertThat(SCHEDULE.dueDate(ProgrammeStep.INITIAL, PROGRAMME)).isNull();
        assertThat(SCHEDULE.dueDate(ProgrammeStep.SURVEILLANCE_1, PROGRAMME)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(SCHEDULE.dueDate(ProgrammeStep.SURVEILLANCE_2, PROGRAMME)).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(SCHEDULE.dueDate(ProgrammeStep.RECERTIFICATION, PROGRAMME)).isEqualTo(LocalDate.of(2028, 11, 28));
        assertThat(new ProgrammeSchedule(6, 4).dueDate(ProgrammeStep.SURVEILLANCE_2, PROGRAMME))
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(SCHEDULE.dueDate(ProgrammeStep.SURVEILLANCE_1, null)).isNull();
    }

    @Test
    void entriesShowThePlannedAuditItsStatusAndWhatIsOverdue() {
        Audit initial = audit("a0", AuditType.INITIAL, ProgrammeStep.INITIAL, null);
        Audit s1 = audit("a1", AuditType.SURVEILLANCE, ProgrammeStep.SURVEILLANCE_1, "a0");
        Audit otherCycle = audit("old", AuditType.SURVEILLANCE, ProgrammeStep.SURVEILLANCE_2, "older-cycle");

        List<ProgrammeSchedule.Entry> entries = SCHEDULE.entries(PROGRAMME, List.of(s1, otherCycle, initial),
                LocalDate.of(2028, 6, 1));

        assertThat(entries).extracting(ProgrammeSchedule.Entry::step).containsExactly(ProgrammeStep.INITIAL,
                ProgrammeStep.SURVEILLANCE_1, ProgrammeStep.SURVEILLANCE_2, ProgrammeStep.RECERTIFICATION);
        assertThat(entries.get(0).auditId()).isEqualTo("a0");
        assertThat(entries.get(1).auditId()).isEqualTo("a1");
        assertThat(entries.get(1).auditStatus()).isEqualTo(AuditStatus.PLANNED);
        assertThat(entries.get(1).overdue()).isTrue(); // due 2027-03-01, not decided
        assertThat(entries.get(2).auditId()).isNull(); // the other cycle's audit does not count
        assertThat(entries.get(2).overdue()).isTrue();
        assertThat(entries.get(3).overdue()).isFalse();
        assertThat(entries.get(3).auditType()).isEqualTo(AuditType.RECERTIFICATION);
    }

    @Test
    void beforeAnyCertificateOnlyTheInitialAuditIsListed() {
        Audit initial = audit("a0", AuditType.INITIAL, ProgrammeStep.INITIAL, null);
        assertThat(SCHEDULE.entries(null, List.of(initial), LocalDate.of(2026, 1, 2)))
                .singleElement().satisfies(e -> {
                    assertThat(e.step()).isEqualTo(ProgrammeStep.INITIAL);
                    assertThat(e.auditId()).isEqualTo("a0");
                    assertThat(e.dueDate()).isNull();
                });
    }

    @Test
    void surveillancesTakeTheFirstThenTheSecondStepOfTheCycle() {
        assertThat(ProgrammeSchedule.stepFor(AuditType.SURVEILLANCE, List.of()))
                .isEqualTo(ProgrammeStep.SURVEILLANCE_1);
        Audit s1 = audit("a1", AuditType.SURVEILLANCE, ProgrammeStep.SURVEILLANCE_1, "a0");
        assertThat(ProgrammeSchedule.stepFor(AuditType.SURVEILLANCE, List.of(s1)))
                .isEqualTo(ProgrammeStep.SURVEILLANCE_2);
        Audit s2 = audit("a2", AuditType.SURVEILLANCE, ProgrammeStep.SURVEILLANCE_2, "a0");
        assertThat(ProgrammeSchedule.stepFor(AuditType.SURVEILLANCE, List.of(s2, s1))).isNull();
        assertThat(ProgrammeSchedule.stepFor(AuditType.RECERTIFICATION, List.of(s2, s1)))
                .isEqualTo(ProgrammeStep.RECERTIFICATION);
        assertThat(ProgrammeSchedule.stepFor(AuditType.INITIAL, List.of())).isEqualTo(ProgrammeStep.INITIAL);
    }
}
