package com.starcert.certificate.decision;

import java.util.List;
import java.util.Objects;

import com.starcert.contracts.Band;

/** The closed set of certification decisions (认证决定); each carries the reasons the CB and the holder read. */
public sealed interface CertificationDecision {

    Outcome outcome();

    List<String> reasons();

    /**
     * Issue a certificate: a first certificate, or a new three-year cycle after recertification.
     *
     * @param supersedes the certificate the new one replaces (recertification), else null
     */
    record Issue(Band level, Validity validity, String supersedes, List<String> reasons)
            implements CertificationDecision {
        public Issue {
            Objects.requireNonNull(level);
            Objects.requireNonNull(validity);
            reasons = List.copyOf(reasons);
        }

        @Override
        public Outcome outcome() {
            return Outcome.ISSUED;
        }
    }

    /** No certificate (and no change to one). */
    record Refuse(List<String> reasons) implements CertificationDecision {
        public Refuse {
            reasons = List.copyOf(reasons);
        }

        @Override
        public Outcome outcome() {
            return Outcome.REFUSED;
        }
    }

    /**
     * The positive decision {@code pending} waits until the CB verifies the corrective actions of the open special
     * deductions; nothing is issued or changed meanwhile.
     */
    record Hold(CertificationDecision pending, List<String> reasons) implements CertificationDecision {
        public Hold {
            if (!(pending instanceof Issue || pending instanceof Maintain || pending instanceof Lower
                    || pending instanceof Raise || pending instanceof Restore)) {
                throw new IllegalArgumentException("only a positive decision can be held: " + pending);
            }
            reasons = List.copyOf(reasons);
        }

        @Override
        public Outcome outcome() {
            return Outcome.HELD;
        }
    }

    /** Surveillance (or a special audit) confirmed the ACTIVE certificate at its current level. */
    record Maintain(String certificateNumber, Band level, List<String> reasons) implements CertificationDecision {
        public Maintain {
            reasons = List.copyOf(reasons);
        }

        @Override
        public Outcome outcome() {
            return Outcome.MAINTAINED;
        }
    }

    /** Surveillance (or a special audit) earned a lower (still certifiable) level: revise the certificate. */
    record Lower(String certificateNumber, Band from, Band to, List<String> reasons) implements CertificationDecision {
        public Lower {
            reasons = List.copyOf(reasons);
        }

        @Override
        public Outcome outcome() {
            return Outcome.LOWERED;
        }
    }

    /**
     * Surveillance earned a higher level and star levels may be granted (compliant held a year, or the audit is
     * outstanding): revise the certificate.
     */
    record Raise(String certificateNumber, Band from, Band to, List<String> reasons) implements CertificationDecision {
        public Raise {
            reasons = List.copyOf(reasons);
        }

        @Override
        public Outcome outcome() {
            return Outcome.RAISED;
        }
    }

    /** Surveillance (or a special audit) of an ACTIVE certificate scored below 70: suspend the certificate. */
    record Suspend(String certificateNumber, List<String> reasons) implements CertificationDecision {
        public Suspend {
            reasons = List.copyOf(reasons);
        }

        @Override
        public Outcome outcome() {
            return Outcome.SUSPENDED;
        }
    }

    /**
     * A special audit (特殊审核) scored at least 70 on a SUSPENDED certificate: restore it (恢复) to ACTIVE at
     * {@code to}, the lower of its level {@code from} and the band the audit earned; a certificate restored at a
     * lower level is revised (next revision).
     */
    record Restore(String certificateNumber, Band from, Band to, List<String> reasons) implements CertificationDecision {
        public Restore {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            reasons = List.copyOf(reasons);
        }

        /** The certificate comes back at a lower level than it had: a revised certificate. */
        public boolean lowered() {
            return to != from;
        }

        @Override
        public Outcome outcome() {
            return Outcome.RESTORED;
        }
    }
}
