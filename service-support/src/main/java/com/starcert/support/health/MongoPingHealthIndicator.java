package com.starcert.support.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Database health by the {@code ping} command, which every MongoDB and the mongo-java-server wire server answer
 * (Boot's own indicator sends {@code hello}, which the wire server does not know, so the suite would never turn
 * healthy without Docker).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = mongo.executeCommand(new Document("ping", 1));
        Object ok = result.get("ok");
        if (ok instanceof Number n && n.doubleValue() == 1.0) {
            builder.up().withDetail("database", mongo.getDb().getName());
        } else {
            builder.down().withDetail("ping", result.toJson());
        }
    }
}
