package com.starcert.support.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.KafkaAdmin;

import com.starcert.contracts.Topics;

/**
 * Creates every StarCert topic and its dead-letter topic that does not exist yet, with
 * {@code starcert.messaging.partitions} partitions — and never adds partitions to a topic that exists.
 *
 * <p>Kafka maps a key to a partition by the number of partitions. Adding partitions moves most enterprises to
 * another partition, so an enterprise's events written before and after the change could be consumed out of
 * order if older ones were still waiting. Spring Kafka's own topic set-up adds partitions silently; this one
 * warns instead, and the README says how to add them while nothing is in flight.
 */
public class TopicProvisioning implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

    private final KafkaAdmin kafkaAdmin;
    private final int partitions;
    private final short replicationFactor;
    private final long maxMessageBytes;

    public TopicProvisioning(KafkaAdmin kafkaAdmin, int partitions, short replicationFactor, long maxMessageBytes) {
        this.kafkaAdmin = kafkaAdmin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The topics to create of those {@code missing}: partitions, replication and the largest event they take. */
    List<NewTopic> newTopics(List<String> missing) {
        return missing.stream().map(name -> new NewTopic(name, partitions, replicationFactor)
                .configs(java.util.Map.of("max.message.bytes", Long.toString(maxMessageBytes)))).toList();
    }

    /** Every topic StarCert uses: the event topics and their dead-letter topics. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String topic : Topics.ALL) {
            names.add(topic);
            names.add(Topics.deadLetter(topic));
        }
        return names;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = newTopics(names().stream().filter(name -> !existing.contains(name)).toList());
            if (!missing.isEmpty()) {
                create(admin, missing);
            }
            List<String> present = names().stream().filter(existing::contains).toList();
            if (!present.isEmpty()) {
                warnAboutFewerPartitions(admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the broker may come later; producers and consumers wait for it, topics are then auto-created or made
            // by another instance
            log.warn("could not check or create the StarCert topics: {}", e.toString());
        }
    }

    private void create(Admin admin, List<NewTopic> missing) throws InterruptedException {
        for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
            try {
                created.getValue().get(30, TimeUnit.SECONDS);
                log.info("created topic {} with {} partitions", created.getKey(), partitions);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    log.warn("could not create topic {}: {}", created.getKey(), e.getCause().toString());
                }
            } catch (java.util.concurrent.TimeoutException e) {
                log.warn("creating topic {} timed out", created.getKey());
            }
        }
    }

    private void warnAboutFewerPartitions(Map<String, TopicDescription> topics) {
        topics.forEach((name, description) -> {
            int has = description.partitions().size();
            if (has < partitions) {
                log.warn("topic {} has {} partitions, {} are configured; StarCert does not add partitions to an "
                        + "existing topic (an enterprise's events could be consumed out of order) — see the README, "
                        + "'Adding partitions', to add them while nothing is in flight", name, has, partitions);
            }
        });
    }
}
