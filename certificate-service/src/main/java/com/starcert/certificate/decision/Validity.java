package com.starcert.certificate.decision;

import java.time.LocalDate;
import java.time.Period;

/** A certificate's validity: three years from the decision (docs/domain.md §5). */
public record Validity(LocalDate validFrom, LocalDate validUntil) {

    public static final Period CYCLE = Period.ofYears(3);

    /**
     * Three years from the decision date. {@link LocalDate#plus} keeps the calendar day, and a 29 February decision
     * runs until 28 February (there is no 29 February three years later).
     */
    public static Validity startingOn(LocalDate decisionDate) {
        return new Validity(decisionDate, decisionDate.plus(CYCLE));
    }

    /**
     * A recertification decided while the previous certificate is still valid keeps the old expiry as its base
     * (docs/domain.md §5, ISO/IEC 17021-1 9.6.3): renewing early does not cost the holder the months it had left.
     * After expiry the new cycle simply starts on the decision date.
     */
    public static Validity renewing(LocalDate decisionDate, LocalDate previousValidUntil) {
        if (previousValidUntil != null && !previousValidUntil.isBefore(decisionDate)) {
            return new Validity(decisionDate, previousValidUntil.plus(CYCLE));
        }
        return startingOn(decisionDate);
    }
}
