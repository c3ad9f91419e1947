package com.starcert.outlet.network;

import java.time.Instant;
import java.time.LocalDate;

/** One status change of an outlet: to what, why, from which day, and when it was recorded. */
public record StatusHistoryEntry(OutletStatus status, String reason, LocalDate effectiveFrom, Instant at) {
}
