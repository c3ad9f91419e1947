package com.starcert.certificate.lifecycle;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.starcert.certificate.decision.CertificateStatus;

/**
 * A certificate's life over time (docs/domain.md §5, ISO/IEC 17021-1 practice), in one place:
 * <ul>
 *   <li>surveillance (监督审核) at least once a year, the first within 12 months of the decision: due on the first
 *       and second anniversaries of the decision that began the cycle (while before the end of validity) — two per
 *       cycle, always, also when an early recertification made the cycle longer than three years;</li>
 *   <li>a certificate whose surveillance was not decided by its due date is suspended (暂停) the day after;</li>
 *   <li>a suspension not lifted within 6 months becomes a withdrawal (撤销);</li>
 *   <li>the day after {@code validUntil} the certificate expires (过期) — the date printed is its last valid day;</li>
 *   <li>WITHDRAWN, EXPIRED and CANCELLED (注销) are final.</li>
 * </ul>
 */
public final class LifecycleRules {

    public static final Period SURVEILLANCE_INTERVAL = Period.ofYears(1);
    public static final int SURVEILLANCES_PER_CYCLE = 2;
    public static final Period SUSPENSION_LIMIT = Period.ofMonths(6);
    private static final Set<CertificateStatus> FINAL = EnumSet.of(CertificateStatus.WITHDRAWN,
            CertificateStatus.EXPIRED, CertificateStatus.CANCELLED);

    private LifecycleRules() {
    }

    public static boolean isFinal(CertificateStatus status) {
        return FINAL.contains(status);
    }

    /** The status changes a CB action, a decision or the sweep may make. */
    public static boolean allowed(CertificateStatus from, CertificateStatus to) {
        if (from == null || to == null || isFinal(from) || from == to) {
            return false;
        }
        return switch (to) {
            case SUSPENDED -> from == CertificateStatus.ACTIVE;
            case ACTIVE -> from == CertificateStatus.SUSPENDED;
            case WITHDRAWN, EXPIRED, CANCELLED -> true;
        };
    }

    /** The first surveillance: 12 months after the decision, unless validity ends first. */
    public static LocalDate firstSurveillanceDue(LocalDate validFrom, LocalDate validUntil) {
        return beforeEnd(validFrom.plus(SURVEILLANCE_INTERVAL), validUntil);
    }

    /**
     * After a surveillance was decided on {@code decidedOn}: the next anniversary after the one just covered.
     * An early surveillance does not pull the yearly cadence forward; one decided late (the sweep had not yet run)
     * moves on to the first anniversary after the decision.
     */
    public static LocalDate nextSurveillanceDue(LocalDate currentDue, LocalDate validFrom, LocalDate validUntil,
                                                LocalDate decidedOn) {
        LocalDate next = (currentDue != null ? currentDue : validFrom).plus(SURVEILLANCE_INTERVAL);
        while (!next.isAfter(decidedOn)) {
            next = next.plus(SURVEILLANCE_INTERVAL);
        }
        return withinCycle(next, validFrom, validUntil);
    }

    /**
     * A restored certificate whose surveillance date passed while it was suspended: the CB restores it because the
     * cause was dealt with, so the next due date is the first anniversary of the decision after today.
     */
    public static LocalDate surveillanceDueAfterRestore(LocalDate currentDue, LocalDate validFrom,
                                                        LocalDate validUntil, LocalDate today) {
        if (currentDue != null && currentDue.isAfter(today)) {
            return currentDue;
        }
        LocalDate next = validFrom.plus(SURVEILLANCE_INTERVAL);
        while (!next.isAfter(today)) {
            next = next.plus(SURVEILLANCE_INTERVAL);
        }
        return withinCycle(next, validFrom, validUntil);
    }

    /**
     * A due date the cycle has room for: one of its two surveillances (the last on the second anniversary of the
     * decision that began it) and before the end of validity; null when the recertification comes next.
     */
    private static LocalDate withinCycle(LocalDate due, LocalDate validFrom, LocalDate validUntil) {
        LocalDate lastSurveillance = validFrom.plus(SURVEILLANCE_INTERVAL.multipliedBy(SURVEILLANCES_PER_CYCLE));
        return due.isAfter(lastSurveillance) ? null : beforeEnd(due, validUntil);
    }

    /** What the sweep must do to a certificate on {@code today}, if anything. */
    public static Optional<Due> due(CertificateStatus status, LocalDate validUntil, LocalDate surveillanceDue,
                                    LocalDate suspendedOn, LocalDate today) {
        if (isFinal(status)) {
            return Optional.empty();
        }
        if (validUntil != null && today.isAfter(validUntil)) {
            return Optional.of(new Due(CertificateStatus.EXPIRED, "validity ended on " + validUntil));
        }
        if (status == CertificateStatus.ACTIVE && surveillanceDue != null && today.isAfter(surveillanceDue)) {
            return Optional.of(new Due(CertificateStatus.SUSPENDED, "surveillance not decided by its due date "
                    + surveillanceDue + " (surveillance not carried out in time)"));
        }
        if (status == CertificateStatus.SUSPENDED && suspendedOn != null
                && !today.isBefore(suspendedOn.plus(SUSPENSION_LIMIT))) {
            return Optional.of(new Due(CertificateStatus.WITHDRAWN, "suspended since " + suspendedOn
                    + " and not restored within 6 months"));
        }
        return Optional.empty();
    }

    /**
     * The latest suspension date whose six months are over on {@code today}: the sweep withdraws every certificate
     * suspended on or before it. It inverts {@code suspendedOn.plus(SUSPENSION_LIMIT)}, which keeps the day of the
     * month or, where that day does not exist, takes the month's last day: so on a month's last day the suspensions
     * of the later days of the month six months before are due too (suspended 31 August → withdrawn 28 February).
     */
    public static LocalDate withdrawSuspendedOnOrBefore(LocalDate today) {
        LocalDate sixMonthsBefore = today.minus(SUSPENSION_LIMIT);
        return today.getDayOfMonth() == today.lengthOfMonth()
                ? sixMonthsBefore.withDayOfMonth(sixMonthsBefore.lengthOfMonth())
                : sixMonthsBefore;
    }

    private static LocalDate beforeEnd(LocalDate due, LocalDate validUntil) {
        return validUntil == null || due.isBefore(validUntil) ? due : null;
    }

    /** A transition the sweep owes, with its reason. */
    public record Due(CertificateStatus to, String reason) {
    }
}
