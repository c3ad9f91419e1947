package com.starcert.audit.planning;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * The audit team (审核组): the lead auditor (审核组长) and the members, each named by the {@code sub} of their
 * account, because the team decides who may capture findings and who may not review the audit (ISO/IEC 17021-1:
 * whoever audits does not decide) — a name typed by hand could match anyone. {@code displayNames}: the names to
 * show for {@code sub}s of the team (optional; a list rather than a map, since a {@code sub} may hold characters a
 * stored map key may not).
 *
 * <p>{@code formerNames}: before accounts existed a team was stored as free-text names. Such a team is read as
 * unassigned (no lead, no members, so nobody can act on the audit through it) with the old names kept here as its
 * display names until a CB_ADMIN sets the team, and for the record after.
 */
public record AuditTeam(String leadAuditor, List<String> members, List<DisplayName> displayNames,
                        List<String> formerNames) {

    /** The name to show for an account of the team. */
    public record DisplayName(String sub, String name) {
    }

    public AuditTeam {
        members = members == null ? List.of() : List.copyOf(members);
        displayNames = displayNames == null ? List.of() : List.copyOf(displayNames);
        formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    }

    public AuditTeam(String leadAuditor, List<String> members) {
        this(leadAuditor, members, List.of(), List.of());
    }

    /**
     * How the mapping layer reads a stored team. A team stored before accounts had only {@code leadAuditor} and
     * {@code members}, both free text: it is migrated here, on read, so every path that loads an audit sees the
     * same thing; the next save of the audit stores the migrated form.
     */
    @PersistenceCreator
    public static AuditTeam stored(String leadAuditor, List<String> members, List<DisplayName> displayNames,
                                   List<String> formerNames) {
        if (displayNames == null && formerNames == null) {
            return freeText(leadAuditor, members);
        }
        return new AuditTeam(leadAuditor, members, displayNames, formerNames);
    }

    /** A team of free-text names (the form before accounts): unassigned, the names kept. */
    public static AuditTeam freeText(String leadAuditor, List<String> members) {
        List<String> names = new ArrayList<>();
        if (leadAuditor != null && !leadAuditor.isBlank()) {
            names.add(leadAuditor);
        }
        if (members != null) {
            members.stream().filter(m -> m != null && !m.isBlank() && !names.contains(m)).forEach(names::add);
        }
        return new AuditTeam(null, List.of(), List.of(), names);
    }

    public AuditTeam withFormerNames(List<String> names) {
        return new AuditTeam(leadAuditor, members, displayNames, names);
    }

    /** Whether an account leads or belongs to the team. */
    public boolean includes(String sub) {
        return sub != null && (sub.equals(leadAuditor) || members.contains(sub));
    }

    /** A team with a lead; a migrated one has none until a CB_ADMIN sets it. */
    public boolean assigned() {
        return leadAuditor != null;
    }
}
