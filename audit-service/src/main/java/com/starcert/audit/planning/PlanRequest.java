package com.starcert.audit.planning;

import java.util.ArrayList;
import java.util.List;

import com.starcert.contracts.AuditType;
import com.starcert.support.problem.FieldProblem;

/**
 * Body of {@code POST /api/audits}. Enumerations arrive as text so that every bad field is reported at once.
 */
public record PlanRequest(
        String enterpriseId,
        String type,
        Boolean samplingAppropriate,
        Boolean outstanding,
        Long randomSeed,
        EnlargementRequest enlargement,
        TeamRequest team,
        SchemeRequest scheme) {

    public PlanRequest(String enterpriseId, String type, Boolean samplingAppropriate, Boolean outstanding,
                       Long randomSeed, EnlargementRequest enlargement) {
        this(enterpriseId, type, samplingAppropriate, outstanding, randomSeed, enlargement, null, null);
    }

    public record EnlargementRequest(Integer extraSites, String reason) {
    }

    /** The audit team (审核组): a lead auditor and members. */
    public record TeamRequest(String leadAuditor, List<String> members) {

        /** Problems under {@code prefix}; empty when the team is valid. */
        public List<FieldProblem> problems(String prefix) {
            List<FieldProblem> problems = new ArrayList<>();
            if (leadAuditor == null || leadAuditor.isBlank()) {
                problems.add(new FieldProblem(prefix + "leadAuditor", "is required: every audit team has a lead auditor"));
            }
            if (members != null) {
                for (int i = 0; i < members.size(); i++) {
                    if (members.get(i) == null || members.get(i).isBlank()) {
                        problems.add(new FieldProblem(prefix + "members[" + i + "]", "must not be blank"));
                    }
                }
            }
            return problems;
        }

        public AuditTeam toTeam() {
            List<String> trimmed = members == null ? List.of()
                    : members.stream().map(String::trim).filter(m -> !m.equals(leadAuditor.trim())).distinct().toList();
            return new AuditTeam(leadAuditor.trim(), trimmed);
        }
    }

    /** A scheme version to pin instead of the latest (it must be known to audit-service). */
    public record SchemeRequest(String id, Integer version) {
    }

    /** Everything wrong with the request itself (the network is not consulted). */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (enterpriseId == null || enterpriseId.isBlank()) {
            problems.add(new FieldProblem("enterpriseId", "is required"));
        }
        if (type == null || type.isBlank()) {
            problems.add(new FieldProblem("type", "is required (one of INITIAL, SURVEILLANCE, RECERTIFICATION)"));
        } else if (auditType() == null) {
            problems.add(new FieldProblem("type", "'" + type + "' is not one of INITIAL, SURVEILLANCE, RECERTIFICATION"));
        }
        if (enlargement != null) {
            if (enlargement.extraSites() == null || enlargement.extraSites() < 1) {
                problems.add(new FieldProblem("enlargement.extraSites",
                        "must be at least 1: the CB may enlarge a sample, never shrink it"));
            }
            if (enlargement.reason() == null || enlargement.reason().isBlank()) {
                problems.add(new FieldProblem("enlargement.reason", "is required when the sample is enlarged"));
            }
        }
        if (team != null) {
            problems.addAll(team.problems("team."));
        }
        if (scheme != null) {
            if (scheme.id() == null || scheme.id().isBlank()) {
                problems.add(new FieldProblem("scheme.id", "is required when a scheme is requested"));
            }
            if (scheme.version() == null || scheme.version() < 1) {
                problems.add(new FieldProblem("scheme.version", "must be 1 or more"));
            }
        }
        return problems;
    }

    public AuditType auditType() {
        for (AuditType t : AuditType.values()) {
            if (t.name().equals(type)) {
                return t;
            }
        }
        return null;
    }

    public boolean samplingAppropriateOrDefault() {
        return samplingAppropriate == null || samplingAppropriate;
    }

    public boolean outstandingOrDefault() {
        return outstanding != null && outstanding;
    }

    public int extraSites() {
        return enlargement == null || enlargement.extraSites() == null ? 0 : enlargement.extraSites();
    }
}
