package com.starcert.certificate.decision;

import java.time.LocalDate;
import java.time.Period;

/**
 * A certificate's validity (docs/domain.md §5): three years to the day. The date printed is the last valid day, the
 * day before the third anniversary of the cycle's base date (decided 2026-12-03 → valid to 2029-12-02).
 */
public record Validity(LocalDate validFrom, LocalDate validUntil) {

    public static final Period CYCLE = Period.ofYears(3);

    /**
     * Three years from the decision date. {@link LocalDate#plus} keeps the calendar day, and the third anniversary
     * of a 29 February is 28 February (there is no 29 February three years later).
     */
    public static Validity startingOn(LocalDate decisionDate) {
        return new Validity(decisionDate, lastDayOfCycle(decisionDate));
    }

    /**
     * A recertification decided while the previous certificate is still valid keeps the old expiry as its base
     * (docs/domain.md §5, ISO/IEC 17021-1 9.6.3): the new cycle begins the day after the old one's last valid day,
     * so renewing early does not cost the holder the months it had left. After expiry the new cycle simply starts
     * on the decision date.
     */
    public static Validity renewing(LocalDate decisionDate, LocalDate previousValidUntil) {
        if (previousValidUntil != null && !previousValidUntil.isBefore(decisionDate)) {
            return new Validity(decisionDate, lastDayOfCycle(previousValidUntil.plusDays(1)));
        }
        return startingOn(decisionDate);
    }

    /** The last valid day of a cycle based on {@code base}: the day before its third anniversary. */
    static LocalDate lastDayOfCycle(LocalDate base) {
        return base.plus(CYCLE).minusDays(1);
    }
}
