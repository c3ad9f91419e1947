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
        EnlargementRequest enlargement) {

    public record EnlargementRequest(Integer extraSites, String reason) {
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
