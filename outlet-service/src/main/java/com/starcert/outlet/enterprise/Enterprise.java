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
 */
@Document("enterprises")
public record Enterprise(
        @Id String id,
        String name,
        @Indexed(unique = true, name = Enterprise.USCC_INDEX) String uscc,
        Address address,
        Contact contact,
        EnterpriseStatus status,
        Instant createdAt,
        @Version long version,
        List<OutboxMessage> outbox) implements OutboxAggregate {

    static final String USCC_INDEX = "uscc_unique";

    Enterprise withOutbox(List<OutboxMessage> messages) {
        return new Enterprise(id, name, uscc, address, contact, status, createdAt, version, List.copyOf(messages));
    }

    public EnterpriseChanged registeredEvent() {
        return new EnterpriseChanged(id, EnterpriseChanged.Change.REGISTERED, version, name, uscc,
                address.regionCode(), address.line());
    }
}
