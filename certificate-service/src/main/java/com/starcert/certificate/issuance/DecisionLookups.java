package com.starcert.certificate.issuance;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.Decision;
import com.starcert.certificate.decision.Decisions;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.Certificates;
import com.starcert.contracts.ScoreComputed;

/**
 * What a decision reads before it is taken: whether its revision was returned or its corrective actions verified,
 * the audit's latest decision, the certificate the audit already changed and the enterprise's certificate in
 * force. {@link #direct} reads each when asked; {@link #forPoll} reads the decisions and certificates for a whole
 * poll of scores in two queries, and reads afresh for an enterprise once a decision of the same poll has been taken
 * for it (its certificates may have changed). Returns and verifications are always read when asked: they come from
 * other topics at any moment, and one recorded while the poll is being decided must still count.
 */
class DecisionLookups {

    private final Decisions decisions;
    private final Certificates certificates;

    private DecisionLookups(Decisions decisions, Certificates certificates) {
        this.decisions = decisions;
        this.certificates = certificates;
    }

    static DecisionLookups direct(Decisions decisions, Certificates certificates) {
        return new DecisionLookups(decisions, certificates);
    }

    static DecisionLookups forPoll(Decisions decisions, Certificates certificates, List<ScoreComputed> scores) {
        return new Prefetched(decisions, certificates, scores);
    }

    boolean returned(String decisionId) {
        return decisions.returned(decisionId);
    }

    Optional<Decision> latest(String auditId) {
        return decisions.latest(auditId);
    }

    Optional<Instant> verifiedAt(String decisionId) {
        return decisions.verifiedAt(decisionId);
    }

    Optional<Certificate> changedBy(String enterpriseId, String auditId) {
        return certificates.changedBy(enterpriseId, auditId);
    }

    Optional<Certificate> inForce(String enterpriseId) {
        return certificates.inForce(enterpriseId);
    }

    /** A decision was taken on the audit: what was read for it and its enterprise before may be out of date. */
    void decided(String enterpriseId, String auditId) {
    }

    private static final class Prefetched extends DecisionLookups {
        /** The order of {@code Certificates.inForce}: newest validity first, then the highest number. */
        private static final Comparator<Certificate> NEWEST_FIRST = Comparator.comparing(Certificate::validFrom)
                .thenComparing(Certificate::number).reversed();

        private final Map<String, Decision> latest = new HashMap<>();
        private final Map<String, List<Certificate>> certificatesOf = new HashMap<>();
        private final Set<String> changedSince = new HashSet<>();
        private final Set<String> auditsDecided = new HashSet<>();

        Prefetched(Decisions decisions, Certificates certificates, List<ScoreComputed> scores) {
            super(decisions, certificates);
            Set<String> auditIds = new HashSet<>();
            Set<String> enterpriseIds = new HashSet<>();
            scores.forEach(s -> {
                auditIds.add(s.auditId());
                enterpriseIds.add(s.enterpriseId());
            });
            for (Decision d : decisions.ofAudits(auditIds)) {
                latest.merge(d.auditId(), d, (a, b) -> a.auditRevision() >= b.auditRevision() ? a : b);
            }
            for (Certificate c : certificates.ofEnterprises(enterpriseIds)) {
                certificatesOf.computeIfAbsent(c.enterpriseId(), e -> new java.util.ArrayList<>()).add(c);
            }
        }

        @Override
        Optional<Decision> latest(String auditId) {
            // audits of an enterprise decided in this poll are read afresh; the others cannot have changed here
            Decision known = latest.get(auditId);
            if (auditsDecided.contains(auditId) || known != null && changedSince.contains(known.enterpriseId())) {
                return super.latest(auditId);
            }
            return Optional.ofNullable(known);
        }

        @Override
        Optional<Certificate> changedBy(String enterpriseId, String auditId) {
            if (changedSince.contains(enterpriseId)) {
                return super.changedBy(enterpriseId, auditId);
            }
            return certificatesOf.getOrDefault(enterpriseId, List.of()).stream()
                    .filter(c -> c.changeBy(auditId).isPresent()).findFirst();
        }

        @Override
        Optional<Certificate> inForce(String enterpriseId) {
            if (changedSince.contains(enterpriseId)) {
                return super.inForce(enterpriseId);
            }
            return certificatesOf.getOrDefault(enterpriseId, List.of()).stream()
                    .filter(c -> c.status() == CertificateStatus.ACTIVE || c.status() == CertificateStatus.SUSPENDED)
                    .sorted(NEWEST_FIRST).findFirst();
        }

        @Override
        void decided(String enterpriseId, String auditId) {
            changedSince.add(enterpriseId);
            auditsDecided.add(auditId);
        }
    }
}
