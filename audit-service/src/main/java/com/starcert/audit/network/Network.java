package com.starcert.audit.network;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An enterprise's service network as audit-service knows it: the central function and the sample base.
 * Brief §4: n counts ACTIVE outlets that are not the headquarters; the central function is never counted.
 */
public final class Network {

    private final Enterprise enterprise;
    private final CentralFunction central;
    private final List<Outlet> sampleBase;
    private final List<Outlet> registered;

    private Network(Enterprise enterprise, CentralFunction central, List<Outlet> sampleBase,
                    List<Outlet> registered) {
        this.enterprise = enterprise;
        this.central = central;
        this.sampleBase = sampleBase;
        this.registered = registered;
    }

    /** @param outlets every outlet registered for the enterprise, in any status and order */
    public static Network of(Enterprise enterprise, List<Outlet> outlets) {
        Optional<Outlet> headquarters = outlets.stream()
                .filter(Outlet::headquarters)
                .filter(o -> o.status() != com.starcert.contracts.OutletChanged.OutletStatus.CLOSED)
                // an active headquarters wins over a suspended one; then the earliest registered, then the id
                .min(Comparator.comparing((Outlet o) -> !o.active())
                        .thenComparing(o -> Objects.requireNonNullElse(o.registeredAt(), Instant.MAX))
                        .thenComparing(Outlet::outletId));
        CentralFunction central = headquarters
                .map(hq -> new CentralFunction(hq.outletId(), hq.name(), hq.regionCode(), hq.addressLine()))
                .orElseGet(() -> new CentralFunction(null, enterprise.name(), enterprise.regionCode(),
                        enterprise.addressLine()));
        List<Outlet> base = outlets.stream()
                .filter(o -> !o.headquarters() && o.active())
                .sorted(Comparator.comparing(Outlet::outletId))
                .toList();
        return new Network(enterprise, central, base, List.copyOf(outlets));
    }

    public Enterprise enterprise() {
        return enterprise;
    }

    public CentralFunction central() {
        return central;
    }

    /** The outlets a sample is drawn from, sorted by outlet id (a stable key for a reproducible draw). */
    public List<Outlet> sampleBase() {
        return sampleBase;
    }

    /** The enterprise's registered outlets (any kind and status) with these ids, by id; unknown ids are absent. */
    public Map<String, Outlet> registered(Collection<String> outletIds) {
        Set<String> wanted = new HashSet<>(outletIds);
        Map<String, Outlet> found = new HashMap<>();
        for (Outlet outlet : registered) {
            if (wanted.contains(outlet.outletId())) {
                found.put(outlet.outletId(), outlet);
            }
        }
        return found;
    }

    /** n of IAF MD 1. */
    public int n() {
        return sampleBase.size();
    }

    /** Provinces of the audit scope: the central function's and the active outlets', sorted. */
    public List<String> provinces() {
        TreeSet<String> provinces = new TreeSet<>();
        String centralProvince = Province.of(central.regionCode());
        if (centralProvince != null) {
            provinces.add(centralProvince);
        }
        for (Outlet outlet : sampleBase) {
            String province = Province.of(outlet.regionCode());
            if (province != null) {
                provinces.add(province);
            }
        }
        return List.copyOf(provinces);
    }
}
