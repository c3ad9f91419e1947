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
import com.starcert.outlet.infra.Actor;
import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.Contact;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * A service outlet (售后服务网点) of one enterprise. Every query the API offers has an index that starts with the
 * enterprise: one per filter that can lead (kind, status, province, region/city prefix, each commitment), one per
 * sort key, one for the coverage report (status, province, commitments) and one to find an import's staged outlets.
 * Each ends with the id, the tie-breaker of every listing. Two unique indexes hold the registry's rules under
 * concurrency: one name per address per enterprise, and one open headquarters per enterprise
 * (see {@link #centralFunctionSlot}).
 * <p>
 * Outlets of a bulk import are first stored with {@code staged: true} and their events in {@code stagedOutbox};
 * every read of the registry skips staged outlets, and the import makes them visible (and its events relayable)
 * with one multi-document update at the end, see {@code OutletImports}.
 *
 * @param centralFunctionSlot {@code hq:<enterpriseId>} for a headquarters that is not closed, else
 *                            {@code outlet:<id>}; unique, so a second open headquarters cannot be stored. A closed
 *                            headquarters gives the slot up so that the enterprise can register its new one.
 * @param importId            the bulk import that created the outlet, null when registered one by one
 */
@Document("outlets")
@CompoundIndex(name = "enterprise_id", def = "{'enterpriseId': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_kind", def = "{'enterpriseId': 1, 'kind': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_status", def = "{'enterpriseId': 1, 'status': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_province", def = "{'enterpriseId': 1, 'address.province': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_region", def = "{'enterpriseId': 1, 'address.regionCode': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_response", def = "{'enterpriseId': 1, 'commitments.responseHours': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_on_site", def = "{'enterpriseId': 1, 'commitments.onSiteHours': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_resolution",
        def = "{'enterpriseId': 1, 'commitments.resolutionHours': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_name", def = "{'enterpriseId': 1, 'name': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_registered", def = "{'enterpriseId': 1, 'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "enterprise_coverage", def = "{'enterpriseId': 1, 'status': 1, 'address.province': 1, "
        + "'commitments.onSiteHours': 1, 'commitments.responseHours': 1, 'commitments.resolutionHours': 1}")
@CompoundIndex(name = "import_staged", def = "{'importId': 1, 'staged': 1}", sparse = true)
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
        boolean periodicInspection,
        boolean faultFinding,
        OutletProfile.PostWarranty postWarranty,
        List<String> freeItems,
        OutletProfile.StandInEquipment standInEquipment,
        int openComplaints,
        Instant registeredAt,
        List<StatusHistoryEntry> history,
        @Indexed(unique = true, name = Outlet.CENTRAL_FUNCTION_INDEX) String centralFunctionSlot,
        String importId,
        @Version long version,
        List<OutboxMessage> outbox) implements OutboxAggregate {

    public static final String NAME_ADDRESS_INDEX = "enterprise_name_address_unique";
    public static final String CENTRAL_FUNCTION_INDEX = "central_function_unique";
    /** Set (true) on an outlet whose import has not finished; absent otherwise. */
    public static final String STAGED = "staged";
    /** The events of a staged outlet, renamed to {@code outbox} when it becomes visible. */
    public static final String STAGED_OUTBOX = "stagedOutbox";

    /** A new outlet: ACTIVE, version 1, no history yet. */
    public static Outlet register(String id, String enterpriseId, OutletProfile p, Instant registeredAt,
                                  String importId) {
        return new Outlet(id, enterpriseId, p.name(), p.kind(), OutletStatus.ACTIVE, p.address(), p.contact(),
                p.serviceHours(), p.commitments(), p.periodicInspection(), p.faultFinding(), p.postWarranty(),
                p.freeItems(), p.standInEquipment(), p.openComplaints(), registeredAt, List.of(),
                slot(id, enterpriseId, p.kind(), OutletStatus.ACTIVE), importId, 1, List.of());
    }

    static String slot(String id, String enterpriseId, OutletKind kind, OutletStatus status) {
        return kind == OutletKind.HEADQUARTERS && status != OutletStatus.CLOSED ? "hq:" + enterpriseId : "outlet:" + id;
    }

    /** The editable profile as it stands. */
    public OutletProfile profile() {
        return new OutletProfile(name, kind, address, contact, serviceHours, commitments, periodicInspection,
                faultFinding, postWarranty, freeItems == null ? List.of() : freeItems,
                standInEquipment == null ? OutletProfile.StandInEquipment.NONE : standInEquipment, openComplaints);
    }

    /** The outlet with its profile replaced, one version later; status and history stay. */
    public Outlet withProfile(OutletProfile p) {
        return new Outlet(id, enterpriseId, p.name(), p.kind(), status, p.address(), p.contact(), p.serviceHours(),
                p.commitments(), p.periodicInspection(), p.faultFinding(), p.postWarranty(), p.freeItems(),
                p.standInEquipment(), p.openComplaints(), registeredAt, history,
                slot(id, enterpriseId, p.kind(), status), importId, version + 1, outbox);
    }

    /**
     * The outlet after a status change, one version later, the change appended to its history.
     * CLOSED is final; asking for the status the outlet already has is refused too, so that a repeated request
     * does not add a second history entry or event.
     */
    public Outlet changeStatus(OutletStatus target, String reason, LocalDate effectiveFrom, Instant at, Actor by) {
        if (status == OutletStatus.CLOSED) {
            throw new StatusChangeRefused("the outlet is closed; closing is final");
        }
        if (target == status) {
            throw new StatusChangeRefused("the outlet is already " + status);
        }
        List<StatusHistoryEntry> changed = new ArrayList<>(history == null ? List.of() : history);
        changed.add(new StatusHistoryEntry(target, reason, effectiveFrom, at, by));
        return new Outlet(id, enterpriseId, name, kind, target, address, contact, serviceHours, commitments,
                periodicInspection, faultFinding, postWarranty, freeItems, standInEquipment, openComplaints,
                registeredAt, List.copyOf(changed), slot(id, enterpriseId, kind, target), importId, version + 1,
                outbox);
    }

    /** The last history entry, i.e. the change that produced this state (null for a fresh registration). */
    public StatusHistoryEntry lastChange() {
        return history == null || history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** What consumers learn about this state: REGISTERED at version 1, else what the last status change did. */
    public OutletChanged changedEvent() {
        OutletChanged.Change change;
        if (version == 1) {
            change = OutletChanged.Change.REGISTERED;
        } else {
            change = switch (status) {
                case SUSPENDED -> OutletChanged.Change.SUSPENDED;
                case CLOSED -> OutletChanged.Change.CLOSED;
                case ACTIVE -> OutletChanged.Change.UPDATED;
            };
        }
        return changedEvent(change);
    }

    /** An UPDATED event for a profile change, whatever the status. */
    public OutletChanged updatedEvent() {
        return changedEvent(OutletChanged.Change.UPDATED);
    }

    private OutletChanged changedEvent(OutletChanged.Change change) {
        return new OutletChanged(enterpriseId, id, change, version, name,
                OutletChanged.OutletKind.valueOf(kind.name()), OutletChanged.OutletStatus.valueOf(status.name()),
                address.regionCode(), address.line(), registeredAt, openComplaints);
    }

    public Outlet withOutbox(List<OutboxMessage> messages) {
        return new Outlet(id, enterpriseId, name, kind, status, address, contact, serviceHours, commitments,
                periodicInspection, faultFinding, postWarranty, freeItems, standInEquipment, openComplaints,
                registeredAt, history, centralFunctionSlot, importId, version, List.copyOf(messages));
    }
}
