package com.starcert.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.starcert.infra.SharedTestInfrastructure;

class MongoPingHealthIndicatorTest {

    @Test
    void theWireServerReportsUp() {
        MongoTemplate mongo = new MongoTemplate(
                MongoClients.create(SharedTestInfrastructure.get().mongoUri("health")), "health");
        assertThat(new MongoPingHealthIndicator(mongo).health().getStatus()).isEqualTo(Status.UP);
    }
}
