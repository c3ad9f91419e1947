package com.starcert.audit.correction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.starcert.audit.Who;
import com.starcert.contracts.AuditSubmitted.DeductionCategory;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;

/**
 * A corrective action (整改) opened by a special deduction (特别扣分项) of an audit revision. The enterprise answers
 * with evidence; a CB reviewer who was not on the audit team verifies it ({@code verifiedBy} is the reviewer's
 * {@code sub}, {@code verifiedByName} the name to show). Immutable: every step returns the next state.
 */
public record CorrectiveAction(
        String id,
        int revision,
        DeductionCategory category,
        String description,
        LocalDate dueDate,
        CorrectiveActionStatus status,
        List<Evidence> evidence,
        Instant openedAt,
        String verifiedBy,
        String verifiedByName,
        Instant verifiedAt,
        String verificationNote) {

    public CorrectiveAction {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static CorrectiveAction open(String id, int revision, SpecialDeduction deduction, LocalDate dueDate,
                                        Instant at) {
        return new CorrectiveAction(id, revision, deduction.category(), deduction.description(), dueDate,
                CorrectiveActionStatus.OPEN, List.of(), at, null, null, null, null);
    }

    /** Whether this action stands for the given deduction (same category and wording). */
    public boolean answers(SpecialDeduction deduction) {
        return category == deduction.category() && description.equals(deduction.description());
    }

    public boolean pending() {
        return status == CorrectiveActionStatus.OPEN || status == CorrectiveActionStatus.ANSWERED;
    }

    /** The enterprise's evidence; answering again adds to it until the CB has verified. */
    public CorrectiveAction answer(Evidence more) {
        if (!pending()) {
            throw new IllegalStateException("corrective action " + id + " is " + status);
        }
        List<Evidence> all = new ArrayList<>(evidence);
        all.add(more);
        return new CorrectiveAction(id, revision, category, description, dueDate, CorrectiveActionStatus.ANSWERED,
                all, openedAt, null, null, null, null);
    }

    /** The CB verifies the evidence; there must be some. */
    public CorrectiveAction verify(Who by, String note, Instant at) {
        if (status != CorrectiveActionStatus.ANSWERED) {
            throw new IllegalStateException(status == CorrectiveActionStatus.OPEN
                    ? "corrective action " + id + " has no evidence from the enterprise yet"
                    : "corrective action " + id + " is " + status);
        }
        return new CorrectiveAction(id, revision, category, description, dueDate, CorrectiveActionStatus.VERIFIED,
                evidence, openedAt, by.sub(), by.name(), at, note);
    }

    /** Carried into a later revision that still has the same deduction. */
    public CorrectiveAction carriedTo(int newRevision) {
        return new CorrectiveAction(id, newRevision, category, description, dueDate, status, evidence, openedAt,
                verifiedBy, verifiedByName, verifiedAt, verificationNote);
    }

    public CorrectiveAction superseded() {
        return new CorrectiveAction(id, revision, category, description, dueDate, CorrectiveActionStatus.SUPERSEDED,
                evidence, openedAt, verifiedBy, verifiedByName, verifiedAt, verificationNote);
    }
}
