package com.starcert.outlet.enterprise;

import java.time.Instant;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.Contact;

/** The enterprise as the API shows it (the outbox stays private). */
public record EnterpriseView(String id, String name, String uscc, Address address, Contact contact,
                             EnterpriseStatus status, long version, Instant createdAt) {

    static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.id(), e.name(), e.uscc(), e.address(), e.contact(), e.status(), e.version(),
                e.createdAt());
    }
}
