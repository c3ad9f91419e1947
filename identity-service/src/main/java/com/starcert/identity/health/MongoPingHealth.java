package com.starcert.identity.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Database health by the {@code ping} command, which both MongoDB and the mongo-java-server wire server of the
 * local run answer (Boot's own indicator sends {@code hello}, which the wire server does not know). Same bean name
 * as Boot's, which then steps aside. (service-support has this too, but brings Kafka along.)
 */
@Configuration(proxyBeanMethods = false)
public class MongoPingHealth {

    @Bean(name = "mongoHealthContributor")
    HealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document result = mongo.executeCommand(new Document("ping", 1));
                if (result.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) {
                    builder.up().withDetail("database", mongo.getDb().getName());
                } else {
                    builder.down().withDetail("ping", result.toJson());
                }
            }
        };
    }
}
