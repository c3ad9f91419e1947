package com.starcert.outlet.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.contracts.OutletChanged;
import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.Contact;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * A service outlet (售后服务网点) of one enterprise. Each listing filter has its own index that starts with the
 * enterprise and ends with the id, the listing order. Two unique indexes hold the registry's rules under concurrency:
 * one name per address per enterprise, and one open headquarters per enterprise (see {@link #centralFunctionSlot}).
 *
 * @param centralFunctionSlot {@code hq:<enterpriseId>} for a headquarters that is not closed, else
 *                            {@code outlet:<id>}; unique, so a second open headquarters cannot be stored. A closed
 *                            headquarters gives the slot up so that the enterprise can register its new one.
 */
@Document("outlets")
@CompoundIndex(name = "enterprise_id", def = "{'enterpriseId': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_kind", def = "{'enterpriseId': 1, 'kind': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_status", def = "{'enterpriseId': 1, 'status': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_province", def = "{'enterpriseId': 1, 'address.province': 1, '_id': 1}")
@CompoundIndex(name = Outlet.NAME_ADDRESS_INDEX, unique = true,
        def = "{'enterpriseId': 1, 'name': 1, 'address.regionCode': 1, 'address.line': 1}")
public record Outlet(
        @Id String id,
        String enterpriseId,
        String name,
        OutletKind kind,
        OutletStatus status,
        Address address,
        Contact contact,
        ServiceHours serviceHours,
        ServiceCommitments commitments,
        Instant registeredAt,
        List<StatusHistoryEntry> history,
        @Indexed(unique = true, name = Outlet.CENTRAL_FUNCTION_INDEX) String centralFunctionSlot,
        @Version long version,
        List<OutboxMessage> outbox) implements OutboxAggregate {

    static final String NAME_ADDRESS_INDEX = "enterprise_name_address_unique";
    static final String CENTRAL_FUNCTION_INDEX = "central_function_unique";

    /** A new outlet: ACTIVE, version 1, no history yet. */
    public static Outlet register(String id, String enterpriseId, String name, OutletKind kind, Address address,
                                  Contact contact, ServiceHours serviceHours, ServiceCommitments commitments,
                                  Instant registeredAt) {
        return new Outlet(id, enterpriseId, name, kind, OutletStatus.ACTIVE, address, contact, serviceHours,
                commitments, registeredAt, List.of(), slot(id, enterpriseId, kind, OutletStatus.ACTIVE), 1, List.of());
    }

    static String slot(String id, String enterpriseId, OutletKind kind, OutletStatus status) {
        return kind == OutletKind.HEADQUARTERS && status != OutletStatus.CLOSED ? "hq:" + enterpriseId : "outlet:" + id;
    }

    /**
     * The outlet after a status change, one version later, the change appended to its history.
     * CLOSED is final; asking for the status the outlet already has is refused too, so that a repeated request
     * does not add a second history entry or event.
     */
    public Outlet changeStatus(OutletStatus target, String reason, LocalDate effectiveFrom, Instant at) {
        if (status == OutletStatus.CLOSED) {
            throw new StatusChangeRefused("the outlet is closed; closing is final");
        }
        if (target == status) {
            throw new StatusChangeRefused("the outlet is already " + status);
        }
        List<StatusHistoryEntry> changed = new ArrayList<>(history == null ? List.of() : history);
        changed.add(new StatusHistoryEntry(target, reason, effectiveFrom, at));
        return new Outlet(id, enterpriseId, name, kind, target, address, contact, serviceHours, commitments,
                registeredAt, List.copyOf(changed), slot(id, enterpriseId, kind, target), version + 1, outbox);
    }

    /** The last history entry, i.e. the change that produced this state (null for a fresh registration). */
    public StatusHistoryEntry lastChange() {
        return history == null || history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** What consumers learn about this state: REGISTERED at version 1, else what the last status change did. */
    public OutletChanged changedEvent() {
        OutletChanged.Change change;
        if (lastChange() == null) {
            change = OutletChanged.Change.REGISTERED;
        } else {
            change = switch (status) {
                case SUSPENDED -> OutletChanged.Change.SUSPENDED;
                case CLOSED -> OutletChanged.Change.CLOSED;
                case ACTIVE -> OutletChanged.Change.UPDATED;
            };
        }
        return new OutletChanged(enterpriseId, id, change, version, name,
                OutletChanged.OutletKind.valueOf(kind.name()), OutletChanged.OutletStatus.valueOf(status.name()),
                address.regionCode(), address.line(), registeredAt);
    }

    Outlet withOutbox(List<OutboxMessage> messages) {
        return new Outlet(id, enterpriseId, name, kind, status, address, contact, serviceHours, commitments,
                registeredAt, history, centralFunctionSlot, version, List.copyOf(messages));
    }
}
