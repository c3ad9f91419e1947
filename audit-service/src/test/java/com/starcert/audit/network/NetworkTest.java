package com.starcert.audit.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.contracts.AuditType;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;

class NetworkTest {

    static final Enterprise ACME = new Enterprise("e1", "ACME 售后", "91350100M000100Y43", "350100",
            "registered address", 1);

    static Outlet outlet(String id, OutletKind kind, OutletStatus status, String region) {
        return new Outlet(id, "e1", "name " + id, kind, status, region, "addr " + id,
                Instant.parse("2025-01-01T00:00:00Z"), 1);
    }

    @Test
    void headquartersIsTheCentralFunctionAndNeverCountsInN() {
        Network network = Network.of(ACME, List.of(
                outlet("hq", OutletKind.HEADQUARTERS, OutletStatus.ACTIVE, "350100"),
                outlet("b1", OutletKind.BRANCH, OutletStatus.ACTIVE, "440100"),
                outlet("p1", OutletKind.PARTNER, OutletStatus.ACTIVE, "330100"),
                outlet("b2", OutletKind.BRANCH, OutletStatus.SUSPENDED, "110000"),
                outlet("b3", OutletKind.BRANCH, OutletStatus.CLOSED, "120000")));

        assertThat(network.n()).isEqualTo(2);
        assertThat(network.sampleBase()).extracting(Outlet::outletId).containsExactly("b1", "p1");
        assertThat(network.central()).isEqualTo(new CentralFunction("hq", "name hq", "350100", "addr hq"));
        assertThat(network.provinces()).containsExactly("33", "35", "44");
        AuditScope scope = AuditScope.of(network);
        assertThat(scope.activeOutlets()).isEqualTo(2);
        assertThat(scope.sampleSizes()).containsEntry(AuditType.INITIAL, 2)
                .containsEntry(AuditType.SURVEILLANCE, 1).containsEntry(AuditType.RECERTIFICATION, 2)
                .containsEntry(AuditType.SPECIAL, 1);
    }

    @Test
    void withoutAHeadquartersOutletTheRegisteredAddressIsTheCentralFunction() {
        Network network = Network.of(ACME, List.of(
                outlet("hq", OutletKind.HEADQUARTERS, OutletStatus.CLOSED, "110000"),
                outlet("b1", OutletKind.BRANCH, OutletStatus.ACTIVE, "440100")));

        assertThat(network.central()).isEqualTo(new CentralFunction(null, "ACME 售后", "350100", "registered address"));
        assertThat(network.n()).isEqualTo(1);
    }

    @Test
    void anEnterpriseWithoutOutletsHasAnEmptySampleBase() {
        Network network = Network.of(ACME, List.of());
        assertThat(network.n()).isZero();
        assertThat(network.provinces()).containsExactly("35");
        assertThat(AuditScope.of(network).sampleSizes().values()).containsOnly(0);
    }
}
