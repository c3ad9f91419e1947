package com.starcert.audit.findings;

import java.util.List;

import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;

/**
 * Validated findings to merge into an audit; a null list or bonus means "keep what is stored", {@code clearBonus}
 * removes the recorded bonus. {@code notes} are the evidence notes given with the findings (a finding given without
 * one keeps its stored note).
 */
public record FindingsUpdate(List<Finding> findings, List<Exclusion> exclusions,
                             List<SpecialDeduction> specialDeductions, Bonus bonus, boolean clearBonus,
                             List<FindingNote> notes) {

    public FindingsUpdate(List<Finding> findings, List<Exclusion> exclusions,
                          List<SpecialDeduction> specialDeductions, Bonus bonus) {
        this(findings, exclusions, specialDeductions, bonus, false, List.of());
    }

    public FindingsUpdate {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
