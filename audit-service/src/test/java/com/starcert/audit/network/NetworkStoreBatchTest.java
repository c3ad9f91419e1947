package com.starcert.audit.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.starcert.contracts.EnterpriseChanged;
import com.starcert.contracts.OutletChanged;
import com.starcert.contracts.OutletChanged.Change;
import com.starcert.contracts.OutletChanged.OutletKind;
import com.starcert.contracts.OutletChanged.OutletStatus;
import com.starcert.infra.SharedTestInfrastructure;

/** Batches of network changes against the Mongo wire server: newest version per outlet wins, replays change nothing. */
class NetworkStoreBatchTest {

    private final MongoClient client = MongoClients.create(SharedTestInfrastructure.get().mongoUri("network-batch"));
    private final NetworkStore store = new NetworkStore(new MongoTemplate(client, "network-batch"));
    private final String enterprise = UUID.randomUUID().toString();
    private final String a = UUID.randomUUID().toString();
    private final String b = UUID.randomUUID().toString();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aMixedBatchLeavesEachOutletAtItsNewestVersion() {
        store.apply(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.REGISTERED, 1, "华东家电服务有限公司",
                "91350100M000100Y43", "350100", "福州市鼓楼区 1 号"));
        List<OutletChanged> batch = List.of(
                outlet(a, 1, "A 网点", OutletStatus.ACTIVE),
                outlet(b, 1, "B 网点", OutletStatus.ACTIVE),
                outlet(a, 3, "A 网点（迁址）", OutletStatus.SUSPENDED),
                outlet(a, 2, "A 网点（改名）", OutletStatus.ACTIVE),
                outlet(b, 2, "B 网点", OutletStatus.CLOSED));

        assertThat(store.applyOutlets(batch)).isEqualTo(2);

        assertThat(outlets()).containsExactlyInAnyOrder(
                a + " v3 A 网点（迁址） SUSPENDED", b + " v2 B 网点 CLOSED");
    }

    @Test
    void aReplayedBatchAndAStaleChangeChangeNothing() {
        List<OutletChanged> batch = List.of(outlet(a, 1, "A 网点", OutletStatus.ACTIVE),
                outlet(a, 2, "A 网点（改名）", OutletStatus.ACTIVE), outlet(b, 1, "B 网点", OutletStatus.ACTIVE));
        store.apply(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.REGISTERED, 1, "华东家电服务有限公司",
                "91350100M000100Y43", "350100", "福州市鼓楼区 1 号"));
        store.applyOutlets(batch);

        assertThat(store.applyOutlets(batch)).isZero();
        assertThat(store.applyOutlets(List.of(outlet(a, 1, "旧名", OutletStatus.CLOSED)))).isZero();
        assertThat(store.apply(new EnterpriseChanged(enterprise, EnterpriseChanged.Change.UPDATED, 1, "旧名",
                "91350100M000100Y43", "350100", "旧址"))).isFalse();

        assertThat(outlets()).containsExactlyInAnyOrder(a + " v2 A 网点（改名） ACTIVE", b + " v1 B 网点 ACTIVE");
        assertThat(store.enterprise(enterprise)).get().extracting(Enterprise::name).isEqualTo("华东家电服务有限公司");
    }

    private List<String> outlets() {
        return store.outlets(enterprise).stream()
                .map(o -> o.outletId() + " v" + o.version() + " " + o.name() + " " + o.status()).toList();
    }

    private OutletChanged outlet(String id, long version, String name, OutletStatus status) {
        return new OutletChanged(enterprise, id, version == 1 ? Change.REGISTERED : Change.UPDATED, version, name,
                OutletKind.BRANCH, status, "350102", "福州网点 " + id.substring(0, 4),
                Instant.parse("2026-01-05T02:00:00Z"));
    }
}
