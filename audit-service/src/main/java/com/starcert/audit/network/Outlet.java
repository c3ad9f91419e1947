package com.starcert.audit.network;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;

/**
 * audit-service's own copy of a service outlet (服务网点), fed by {@code outlet.changed}; {@code openComplaints}
 * (customer complaints not yet closed) makes it a risk pick for sampling.
 */
@Document("outlets")
public record Outlet(
        @Id String outletId,
        @Indexed String enterpriseId,
        String name,
        OutletKind kind,
        OutletStatus status,
        String regionCode,
        String addressLine,
        Instant registeredAt,
        long version,
        int openComplaints) {

    @PersistenceCreator
    public Outlet {
    }

    /** An outlet without open complaints. */
    public Outlet(String outletId, String enterpriseId, String name, OutletKind kind, OutletStatus status,
                  String regionCode, String addressLine, Instant registeredAt, long version) {
        this(outletId, enterpriseId, name, kind, status, regionCode, addressLine, registeredAt, version, 0);
    }

    /** The headquarters outlet is the central function (总部), never part of the sample base. */
    public boolean headquarters() {
        return kind == OutletKind.HEADQUARTERS;
    }

    public boolean active() {
        return status == OutletStatus.ACTIVE;
    }
}
