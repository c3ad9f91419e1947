package com.starcert.outlet.enterprise;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.contracts.EnterpriseChanged;
import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.Contact;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * The enterprise (企业, the certificate applicant), identified in the real world by its USCC. Its registered
 * address is its central function (总部) while no headquarters outlet is registered.
 * The unique index on {@code uscc} is what refuses a second registration, even when two arrive at once.
 *
 * @param productCategories the product categories (商品类别) in the scope of its after-sales service
 */
@Document("enterprises")
public record Enterprise(
        @Id String id,
        String name,
        @Indexed(unique = true, name = Enterprise.USCC_INDEX) String uscc,
        Address address,
        Contact contact,
        List<String> productCategories,
        EnterpriseStatus status,
        Instant createdAt,
        @Version long version,
        List<OutboxMessage> outbox) implements OutboxAggregate {

    static final String USCC_INDEX = "uscc_unique";

    Enterprise withOutbox(List<OutboxMessage> messages) {
        return new Enterprise(id, name, uscc, address, contact, productCategories, status, createdAt, version,
                List.copyOf(messages));
    }

    /** The enterprise with its editable profile replaced, one version later. */
    Enterprise withProfile(EnterpriseForm.Profile p) {
        return new Enterprise(id, p.name(), uscc, p.address(), p.contact(), p.productCategories(), p.status(),
                createdAt, version + 1, outbox);
    }

    public EnterpriseChanged registeredEvent() {
        return event(EnterpriseChanged.Change.REGISTERED);
    }

    public EnterpriseChanged updatedEvent() {
        return event(EnterpriseChanged.Change.UPDATED);
    }

    private EnterpriseChanged event(EnterpriseChanged.Change change) {
        return new EnterpriseChanged(id, change, version, name, uscc, address.regionCode(), address.line());
    }
}
