package com.starcert.outlet.network;

import java.time.Instant;
import java.util.List;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.Contact;

/** The outlet as the API shows it (the outbox, the uniqueness slot and import staging stay private). */
public record OutletView(String id, String enterpriseId, String name, OutletKind kind, OutletStatus status,
                         Address address, Contact contact, ServiceHours serviceHours,
                         ServiceCommitments commitments, boolean periodicInspection, boolean faultFinding,
                         OutletProfile.PostWarranty postWarranty, List<String> freeItems,
                         OutletProfile.StandInEquipment standInEquipment, int openComplaints,
                         Instant registeredAt, String importId, long version, List<StatusHistoryEntry> history) {

    static OutletView of(Outlet o) {
        OutletProfile p = o.profile();
        return new OutletView(o.id(), o.enterpriseId(), o.name(), o.kind(), o.status(), o.address(), o.contact(),
                o.serviceHours(), o.commitments(), p.periodicInspection(), p.faultFinding(), p.postWarranty(),
                p.freeItems(), p.standInEquipment(), p.openComplaints(), o.registeredAt(), o.importId(), o.version(),
                o.history() == null ? List.of() : o.history());
    }
}
