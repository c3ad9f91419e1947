package com.starcert.outlet.network;

import java.time.Instant;
import java.time.LocalDate;

import com.starcert.outlet.infra.Actor;

/**
 * One status change of an outlet: to what, why, from which day, when it was recorded and by whom (the CB or the
 * enterprise itself may change it; {@code by} is null on entries recorded before callers were identified).
 */
public record StatusHistoryEntry(OutletStatus status, String reason, LocalDate effectiveFrom, Instant at, Actor by) {
}
