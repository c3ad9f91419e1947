package com.starcert.audit.planning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.starcert.contracts.AuditType;
import com.starcert.support.problem.FieldProblem;
import com.starcert.support.problem.FreeText;

/**
 * Body of {@code POST /api/audits}. Enumerations arrive as text so that every bad field is reported at once.
 * {@code focusOutlets} (optional, SPECIAL audits only): outlet ids the CB names to visit; whether they are active
 * outlets of the enterprise is checked against the network, not here. {@code randomSeed} (optional): by default the
 * server draws the seed; a seed the CB chooses decides the "random" outlets, so it needs a {@code seedReason}.
 */
public record PlanRequest(
        String enterpriseId,
        String type,
        Boolean samplingAppropriate,
        Boolean outstanding,
        Long randomSeed,
        String seedReason,
        EnlargementRequest enlargement,
        TeamRequest team,
        SchemeRequest scheme,
        List<String> focusOutlets) {

    public PlanRequest(String enterpriseId, String type, Boolean samplingAppropriate, Boolean outstanding,
                       Long randomSeed, String seedReason, EnlargementRequest enlargement) {
        this(enterpriseId, type, samplingAppropriate, outstanding, randomSeed, seedReason, enlargement, null, null,
                null);
    }

    public record EnlargementRequest(Integer extraSites, String reason) {
    }

    /**
     * The audit team (审核组): the lead auditor and the members as the {@code sub} of their accounts, and optionally
     * the names to show for them ({@code displayNames}: [{sub, name}]).
     */
    public record TeamRequest(String leadAuditor, List<String> members, List<AuditTeam.DisplayName> displayNames) {

        public TeamRequest(String leadAuditor, List<String> members) {
            this(leadAuditor, members, null);
        }

        /** Problems under {@code prefix}; empty when the team is valid. */
        public List<FieldProblem> problems(String prefix) {
            List<FieldProblem> problems = new ArrayList<>();
            if (leadAuditor == null || leadAuditor.isBlank()) {
                problems.add(new FieldProblem(prefix + "leadAuditor",
                        "is required: every audit team has a lead auditor (the sub of their account)"));
            }
            if (members != null) {
                for (int i = 0; i < members.size(); i++) {
                    if (members.get(i) == null || members.get(i).isBlank()) {
                        problems.add(new FieldProblem(prefix + "members[" + i + "]", "must not be blank"));
                    }
                }
            }
            if (displayNames != null && problems.isEmpty()) {
                Set<String> team = new HashSet<>(memberSubs());
                team.add(leadAuditor.trim());
                Set<String> named = new HashSet<>();
                for (int i = 0; i < displayNames.size(); i++) {
                    AuditTeam.DisplayName d = displayNames.get(i);
                    String at = prefix + "displayNames[" + i + "]";
                    if (d == null || d.sub() == null || !team.contains(d.sub().trim())) {
                        problems.add(new FieldProblem(at + ".sub", "is not the lead auditor or a member"));
                    } else if (!named.add(d.sub().trim())) {
                        problems.add(new FieldProblem(at + ".sub", d.sub().trim() + " is named more than once"));
                    }
                    if (d != null && (d.name() == null || d.name().isBlank())) {
                        problems.add(new FieldProblem(at + ".name", "must not be blank"));
                    }
                }
            }
            return problems;
        }

        /** The members, trimmed, once each, the lead left out (the lead is on the team already). */
        private List<String> memberSubs() {
            String lead = leadAuditor.trim();
            return members == null ? List.of()
                    : members.stream().map(String::trim).filter(m -> !m.equals(lead)).distinct().toList();
        }

        public AuditTeam toTeam() {
            List<AuditTeam.DisplayName> names = displayNames == null ? List.of() : displayNames.stream()
                    .map(d -> new AuditTeam.DisplayName(d.sub().trim(), d.name().trim())).toList();
            return new AuditTeam(leadAuditor.trim(), memberSubs(), names, List.of());
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
            problems.add(new FieldProblem("type", "is required (one of " + TYPES + ")"));
        } else if (auditType() == null) {
            problems.add(new FieldProblem("type", "'" + type + "' is not one of " + TYPES));
        }
        if (focusOutlets != null) {
            if (auditType() != null && auditType() != AuditType.SPECIAL && !focusOutlets.isEmpty()) {
                problems.add(new FieldProblem("focusOutlets", "only a SPECIAL audit names outlets to visit; "
                        + "a " + auditType() + " audit's outlets follow the sampling rules"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < focusOutlets.size(); i++) {
                String id = focusOutlets.get(i);
                if (id == null || id.isBlank()) {
                    problems.add(new FieldProblem("focusOutlets[" + i + "]", "must not be blank"));
                } else if (!seen.add(id.trim())) {
                    problems.add(new FieldProblem("focusOutlets[" + i + "]", "outlet " + id.trim()
                            + " is named more than once"));
                }
            }
        }
        if (randomSeed != null && (seedReason == null || seedReason.isBlank())) {
            problems.add(new FieldProblem("seedReason", "is required with randomSeed: a seed chosen by the CB decides "
                    + "which outlets are drawn \"at random\", so say why it was not left to the server"));
        } else if (randomSeed == null && seedReason != null) {
            problems.add(new FieldProblem("seedReason", "only goes with a randomSeed the CB chooses; without one the "
                    + "server draws the seed"));
        }
        FreeText.fits("seedReason", seedReason, problems);
        if (enlargement != null) {
            FreeText.fits("enlargement.reason", enlargement.reason(), problems);
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

    private static final String TYPES = "INITIAL, SURVEILLANCE, RECERTIFICATION, SPECIAL";

    /** The named outlets, trimmed, in the order given (empty when none). */
    public List<String> focusOutletIds() {
        return focusOutlets == null ? List.of() : focusOutlets.stream().map(String::trim).toList();
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
