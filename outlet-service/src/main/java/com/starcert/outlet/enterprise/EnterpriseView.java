package com.starcert.outlet.enterprise;

import java.time.Instant;
import java.util.List;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.Contact;

/** The enterprise as the API shows it (the outbox stays private). */
public record EnterpriseView(String id, String name, String uscc, Address address, Contact contact,
                             List<String> productCategories, EnterpriseStatus status, long version,
                             Instant createdAt) {

    static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.id(), e.name(), e.uscc(), e.address(), e.contact(),
                e.productCategories() == null ? List.of() : e.productCategories(), e.status(), e.version(),
                e.createdAt());
    }
}
