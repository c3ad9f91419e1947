package com.starcert.audit.network;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.starcert.audit.planning.SampleSize;
import com.starcert.contracts.AuditType;

/** What an audit of the enterprise would cover: the answer of {@code GET /api/enterprises/{id}/audit-scope}. */
public record AuditScope(
        String enterpriseId,
        String name,
        String uscc,
        CentralFunction central,
        int activeOutlets,
        List<String> provinces,
        Map<AuditType, Integer> sampleSizes) {

    public static AuditScope of(Network network) {
        Map<AuditType, Integer> sizes = new EnumMap<>(AuditType.class);
        for (AuditType type : AuditType.values()) {
            sizes.put(type, SampleSize.of(type, network.n(), true));
        }
        Enterprise e = network.enterprise();
        return new AuditScope(e.enterpriseId(), e.name(), e.uscc(), network.central(), network.n(),
                network.provinces(), sizes);
    }
}
