package com.starcert.audit.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditStatus;

/**
 * Due dates of the programme (docs/domain.md §5): surveillance 1 within 12 months of the decision, surveillance 2 within 24,
 * recertification decided before expiry — due when the enterprise should apply, 3 months ahead. Also which step a
 * newly planned audit takes in the cycle.
 */
public final class ProgrammeSchedule {

    private final int surveillanceIntervalMonths;
    private final int recertificationLeadMonths;

    public ProgrammeSchedule(int surveillanceIntervalMonths, int recertificationLeadMonths) {
        this.surveillanceIntervalMonths = surveillanceIntervalMonths;
        this.recertificationLeadMonths = recertificationLeadMonths;
    }

    /** One audit of the programme: when it is due, the audit planned for it (newest) and its status. */
    public record Entry(ProgrammeStep step, com.starcert.contracts.AuditType auditType, LocalDate dueDate,
                        String auditId, AuditStatus auditStatus, int auditRevision, boolean overdue) {
    }

    public LocalDate dueDate(ProgrammeStep step, Programme p) {
        if (p == null || p.decidedOn() == null) {
            return null;
        }
        return switch (step) {
            case INITIAL -> null;
            case SURVEILLANCE_1 -> p.decidedOn().plusMonths(surveillanceIntervalMonths);
            case SURVEILLANCE_2 -> p.decidedOn().plusMonths(2L * surveillanceIntervalMonths);
            case RECERTIFICATION -> p.validUntil() == null ? null : p.validUntil().minusMonths(recertificationLeadMonths);
        };
    }

    /**
     * The entries: the initial audit (the newest INITIAL audit of the enterprise), then the current cycle's two
     * surveillances and its recertification. Before any certificate only the initial audit is listed.
     *
     * @param audits the enterprise's audits, newest first
     */
    public List<Entry> entries(Programme p, List<Audit> audits, LocalDate today) {
        List<Entry> entries = new ArrayList<>();
        Audit initial = audits.stream().filter(a -> a.programmeStep() == ProgrammeStep.INITIAL).findFirst()
                .orElse(null);
        entries.add(entry(ProgrammeStep.INITIAL, null, initial, today));
        if (p == null || p.cycleId() == null) {
            return entries;
        }
        for (ProgrammeStep step : List.of(ProgrammeStep.SURVEILLANCE_1, ProgrammeStep.SURVEILLANCE_2,
                ProgrammeStep.RECERTIFICATION)) {
            Audit planned = audits.stream()
                    .filter(a -> a.programmeStep() == step && Objects.equals(a.cycleId(), p.cycleId()))
                    .findFirst().orElse(null);
            entries.add(entry(step, dueDate(step, p), planned, today));
        }
        return entries;
    }

    private static Entry entry(ProgrammeStep step, LocalDate due, Audit audit, LocalDate today) {
        boolean done = audit != null && audit.status() == AuditStatus.DECIDED;
        boolean overdue = due != null && due.isBefore(today) && !done;
        return new Entry(step, step.auditType(), due, audit == null ? null : audit.id(),
                audit == null ? null : audit.status(), audit == null ? 0 : audit.revision(), overdue);
    }

    /**
     * The step a new audit of this type takes in the cycle (null: an additional surveillance beyond the two, or a
     * SPECIAL audit, which the CB orders outside the programme).
     *
     * @param cycleAudits the audits already planned in the same cycle
     */
    public static ProgrammeStep stepFor(com.starcert.contracts.AuditType type, List<Audit> cycleAudits) {
        return switch (type) {
            case INITIAL -> ProgrammeStep.INITIAL;
            case RECERTIFICATION -> ProgrammeStep.RECERTIFICATION;
            case SURVEILLANCE -> {
                boolean first = cycleAudits.stream().anyMatch(a -> a.programmeStep() == ProgrammeStep.SURVEILLANCE_1);
                boolean second = cycleAudits.stream().anyMatch(a -> a.programmeStep() == ProgrammeStep.SURVEILLANCE_2);
                yield !first ? ProgrammeStep.SURVEILLANCE_1 : !second ? ProgrammeStep.SURVEILLANCE_2 : null;
            }
            case SPECIAL -> null;
        };
    }
}
