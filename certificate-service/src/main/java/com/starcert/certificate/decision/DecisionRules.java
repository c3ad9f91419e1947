package com.starcert.certificate.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.starcert.contracts.Band;

/**
 * StarCert's certification decision rules (docs/domain.md §3 and §5, "ours"), in one place.
 * <ul>
 *   <li>INITIAL (初次认证): ≥ 70 issues; the level is capped at COMPLIANT (达标) because star levels need one year
 *       held at compliant, unless the CB marked the audit outstanding (成绩特别显著); &lt; 70 refuses.</li>
 *   <li>RECERTIFICATION (再认证): ≥ 70 issues a new certificate with a new three-year cycle that supersedes the
 *       previous one; the band is granted when the previous certificate has been held a year (or the audit is
 *       outstanding); &lt; 70 refuses and the previous certificate simply runs out.</li>
 *   <li>SURVEILLANCE (监督审核): at the current level maintains; above it raises the level by a revised certificate
 *       when star levels may be granted (certified for a year, or the audit is outstanding), else maintains;
 *       lower but ≥ 70 lowers it by a revised certificate; &lt; 70 suspends; without a current certificate
 *       there is nothing to survey and the decision is a refusal.</li>
 *   <li>SPECIAL (特殊审核: a short-notice or extra audit the CB orders outside the programme — after serious
 *       complaints, a scope extension, or to check whether a suspension can be lifted) needs a certificate in force;
 *       without one it is refused (a special audit neither issues nor revives a certificate).
 *       <ul>
 *         <li>On an ACTIVE certificate it is decided like a surveillance for maintain / lower / suspend: at or above
 *             the current level maintains, lower but ≥ 70 lowers by a revised certificate, &lt; 70 suspends. It
 *             never raises the level, even when the band is higher and star levels could be granted: raising stays
 *             with the programme's surveillance and recertification audits.</li>
 *         <li>On a SUSPENDED certificate ≥ 70 restores it (恢复) to ACTIVE at the lower of its level and the band
 *             (a revised certificate when that is lower); &lt; 70 is a refusal: the suspension is not lifted, the
 *             certificate stays SUSPENDED exactly as it was and its six-month limit keeps running. (A refusal
 *             rather than a "maintained while suspended": the certificate is not written and nothing about it
 *             changes, which is what REFUSED already means for a surveillance of a suspended certificate; the
 *             decision is still published, as CertificationRefused.)</li>
 *         <li>A special audit is not the programme's surveillance: it neither counts as the yearly surveillance
 *             nor moves the surveillance due date, except that a restore recalculates it as a CB restore does
 *             (the lifecycle applies that; these rules only decide).</li>
 *       </ul></li>
 *   <li>Open special deductions (特别扣分项) hold a positive decision (issue, maintain, lower, raise, restore) until
 *       the CB verifies the corrective actions, for every audit type alike.
 *       A negative decision is not held: verifying corrective actions does not give back the deducted points, so
 *       it could not turn a refusal or a suspension into a pass.</li>
 * </ul>
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    /**
     * @param current      the enterprise's certificate in force (ACTIVE or SUSPENDED), if any
     * @param decisionDate the decision's date in the CB's zone
     */
    public static CertificationDecision decide(AuditResult audit, Optional<CurrentCertificate> current,
                                               LocalDate decisionDate) {
        CertificationDecision decision = switch (audit.type()) {
            case INITIAL -> initial(audit, current, decisionDate);
            case RECERTIFICATION -> recertification(audit, current, decisionDate);
            case SURVEILLANCE -> surveillance(audit, current, decisionDate);
            case SPECIAL -> special(audit, current);
        };
        return holdForCorrectiveActions(audit, decision);
    }

    private static CertificationDecision initial(AuditResult audit, Optional<CurrentCertificate> current,
                                                 LocalDate decisionDate) {
        if (current.isPresent()) {
            CurrentCertificate c = current.get();
            return new CertificationDecision.Refuse(List.of("the enterprise already holds certificate " + c.number()
                    + " (" + c.status() + "); an initial audit cannot issue a second one — "
                    + "use a surveillance or recertification audit"));
        }
        if (!audit.passed()) {
            return belowThreshold(audit, "no certificate is issued");
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("initial audit scored " + audit.score().toPlainString() + " (" + audit.band() + "), at least 70");
        Band level = grantedLevel(audit, false, reasons);
        return new CertificationDecision.Issue(level, Validity.startingOn(decisionDate), null, reasons);
    }

    private static CertificationDecision recertification(AuditResult audit, Optional<CurrentCertificate> current,
                                                         LocalDate decisionDate) {
        if (!audit.passed()) {
            return belowThreshold(audit, current.map(c -> "certificate " + c.number()
                    + " is not renewed and runs until " + c.validUntil()).orElse("no certificate is issued"));
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("recertification audit scored " + audit.score().toPlainString() + " (" + audit.band()
                + "), at least 70: a new three-year cycle");
        boolean heldAYear = current.filter(CurrentCertificate::active)
                .filter(c -> c.heldAYearOn(decisionDate))
                .isPresent();
        Band level = grantedLevel(audit, heldAYear, reasons);
        Validity validity = current.isPresent()
                ? Validity.renewing(decisionDate, current.get().validUntil())
                : Validity.startingOn(decisionDate);
        if (current.isPresent()) {
            CurrentCertificate c = current.get();
            reasons.add("supersedes certificate " + c.number() + " (valid until " + c.validUntil() + ")");
            if (!c.validUntil().isBefore(decisionDate)) {
                reasons.add("recertified before expiry: the new cycle keeps the old expiry as its base");
            }
        } else {
            reasons.add("the enterprise holds no certificate in force to supersede");
        }
        return new CertificationDecision.Issue(level, validity, current.map(CurrentCertificate::number).orElse(null),
                reasons);
    }

    private static CertificationDecision surveillance(AuditResult audit, Optional<CurrentCertificate> current,
                                                      LocalDate decisionDate) {
        if (current.isEmpty()) {
            return new CertificationDecision.Refuse(List.of(
                    "surveillance audit but the enterprise holds no certificate in force to survey"));
        }
        CurrentCertificate c = current.get();
        if (!c.active()) {
            return new CertificationDecision.Refuse(List.of("certificate " + c.number() + " is " + c.status()
                    + "; a surveillance audit does not restore it (restoration is a separate CB decision)"));
        }
        String scored = "surveillance audit scored " + audit.score().toPlainString() + " (" + audit.band() + ")";
        if (!audit.passed()) {
            return new CertificationDecision.Suspend(c.number(), List.of(scored + ", below 70: certificate "
                    + c.number() + " is suspended (failed surveillance)"));
        }
        if (rank(audit.band()) > rank(c.level())) {
            List<String> reasons = new ArrayList<>();
            reasons.add(scored + ", above the current level " + c.level());
            Band granted = grantedLevel(audit, c.heldAYearOn(decisionDate), reasons);
            if (rank(granted) > rank(c.level())) {
                reasons.add("certificate " + c.number() + " is revised at " + granted);
                return new CertificationDecision.Raise(c.number(), c.level(), granted, reasons);
            }
            reasons.add("certificate " + c.number() + " is maintained at " + c.level());
            return new CertificationDecision.Maintain(c.number(), c.level(), reasons);
        }
        if (audit.band() == c.level()) {
            return new CertificationDecision.Maintain(c.number(), c.level(), List.of(scored
                    + ", at the current level " + c.level() + ": certificate " + c.number() + " is maintained"));
        }
        return new CertificationDecision.Lower(c.number(), c.level(), audit.band(), List.of(scored
                + ", below the current level " + c.level() + ": certificate " + c.number()
                + " is revised at " + audit.band()));
    }

    private static CertificationDecision special(AuditResult audit, Optional<CurrentCertificate> current) {
        if (current.isEmpty()) {
            return new CertificationDecision.Refuse(List.of("special audit but the enterprise holds no certificate "
                    + "in force (ACTIVE or SUSPENDED): a special audit neither issues nor revives a certificate"));
        }
        CurrentCertificate c = current.get();
        String scored = "special audit scored " + audit.score().toPlainString() + " (" + audit.band() + ")";
        if (!c.active()) {
            if (!audit.passed()) {
                return new CertificationDecision.Refuse(List.of(scored + ", below 70: the suspension of certificate "
                        + c.number() + " is not lifted; it stays " + c.status()));
            }
            List<String> reasons = new ArrayList<>();
            reasons.add(scored + ", at least 70: certificate " + c.number() + " is restored from " + c.status());
            Band to = rank(audit.band()) < rank(c.level()) ? audit.band() : c.level();
            if (to != c.level()) {
                reasons.add("below its level " + c.level() + ": certificate " + c.number() + " is revised at " + to);
            } else {
                reasons.add("at its level " + c.level() + (audit.band() != c.level()
                        ? " (a special audit never raises the level: score earned " + audit.band() + ")" : ""));
            }
            return new CertificationDecision.Restore(c.number(), c.level(), to, reasons);
        }
        if (!audit.passed()) {
            return new CertificationDecision.Suspend(c.number(), List.of(scored + ", below 70: certificate "
                    + c.number() + " is suspended (failed special audit)"));
        }
        if (rank(audit.band()) > rank(c.level())) {
            return new CertificationDecision.Maintain(c.number(), c.level(), List.of(scored + ", above the current "
                    + "level " + c.level() + ": certificate " + c.number() + " is maintained at " + c.level()
                    + " (a special audit never raises the level; raising stays with the programme's surveillance "
                    + "and recertification)"));
        }
        if (audit.band() == c.level()) {
            return new CertificationDecision.Maintain(c.number(), c.level(), List.of(scored
                    + ", at the current level " + c.level() + ": certificate " + c.number() + " is maintained"));
        }
        return new CertificationDecision.Lower(c.number(), c.level(), audit.band(), List.of(scored
                + ", below the current level " + c.level() + ": certificate " + c.number()
                + " is revised at " + audit.band()));
    }

    private static Band grantedLevel(AuditResult audit, boolean heldCompliantAYear, List<String> reasons) {
        Band band = audit.band();
        if (band == Band.COMPLIANT) {
            reasons.add("level COMPLIANT");
            return band;
        }
        if (audit.outstanding()) {
            reasons.add("the audit is marked outstanding: level " + band + " is granted");
            return band;
        }
        if (heldCompliantAYear) {
            reasons.add("the enterprise has been certified for at least one year: level " + band + " is granted");
            return band;
        }
        reasons.add("level capped at COMPLIANT: star levels are granted only after the compliant level has been held "
                + "for one year, unless the audit is marked outstanding (score earned " + band + ")");
        return Band.COMPLIANT;
    }

    private static CertificationDecision belowThreshold(AuditResult audit, String consequence) {
        return new CertificationDecision.Refuse(List.of(audit.type().name().toLowerCase().replace('_', ' ')
                + " audit scored " + audit.score().toPlainString() + ", below 70 (" + audit.band() + "): "
                + consequence));
    }

    private static CertificationDecision holdForCorrectiveActions(AuditResult audit, CertificationDecision decision) {
        if (audit.specialDeductions() == 0) {
            return decision;
        }
        boolean positive = decision instanceof CertificationDecision.Issue
                || decision instanceof CertificationDecision.Maintain
                || decision instanceof CertificationDecision.Lower
                || decision instanceof CertificationDecision.Raise
                || decision instanceof CertificationDecision.Restore;
        if (!positive) {
            return decision;
        }
        List<String> reasons = new ArrayList<>(decision.reasons());
        reasons.add(audit.specialDeductions() + " open special deduction(s): the decision (" + decision.outcome()
                + ") is held until the CB verifies the corrective actions (整改)");
        return new CertificationDecision.Hold(decision, reasons);
    }

    /** Higher is better; NOT_CERTIFIED is lowest. */
    static int rank(Band band) {
        return Band.values().length - band.ordinal();
    }
}
