package com.starcert.outlet.network;

import java.time.Instant;
import java.util.List;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.Contact;

/** The outlet as the API shows it (the outbox and the uniqueness slot stay private). */
public record OutletView(String id, String enterpriseId, String name, OutletKind kind, OutletStatus status,
                         Address address, Contact contact, ServiceHours serviceHours,
                         ServiceCommitments commitments, Instant registeredAt, long version,
                         List<StatusHistoryEntry> history) {

    static OutletView of(Outlet o) {
        return new OutletView(o.id(), o.enterpriseId(), o.name(), o.kind(), o.status(), o.address(), o.contact(),
                o.serviceHours(), o.commitments(), o.registeredAt(), o.version(),
                o.history() == null ? List.of() : o.history());
    }
}
