package com.starcert.audit.planning;

import java.util.List;

/** The audit team (审核组): a lead auditor (审核组长) and members. */
public record AuditTeam(String leadAuditor, List<String> members) {

    public AuditTeam {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
