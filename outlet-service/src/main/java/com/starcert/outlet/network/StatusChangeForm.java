package com.starcert.outlet.network;

import java.time.LocalDate;

/** {@code POST /api/enterprises/{id}/outlets/{outletId}/status} body; {@code effectiveFrom} defaults to today. */
public record StatusChangeForm(OutletStatus status, String reason, LocalDate effectiveFrom) {

    static final int MAX_REASON = 500;
}
