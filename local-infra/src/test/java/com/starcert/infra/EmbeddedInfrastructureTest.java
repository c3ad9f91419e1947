package com.starcert.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    static EmbeddedInfrastructure infra;

    @BeforeAll
    static void start() {
        infra = EmbeddedInfrastructure.forTests();
    }

    @AfterAll
    static void stop() {
        infra.close();
    }

    @Test
    void brokerCarriesMessagesAndSurvivesARestart() throws Exception {
        send("before");
        infra.stopKafka();
        infra.startKafka();
        send("after");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers(),
                "group.id", UUID.randomUUID().toString(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("smoke"));
            List<String> seen = new java.util.ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen.size() < 2 && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> seen.add(r.value()));
            }
            assertThat(seen).containsExactly("before", "after");
        }
    }

    @Test
    void mongoWireServerStoresDocuments() {
        try (MongoClient client = MongoClients.create(infra.mongoUri("smoke"))) {
            client.getDatabase("smoke").getCollection("c").insertOne(new Document("_id", "a").append("n", 1));
            assertThat(client.getDatabase("smoke").getCollection("c").find(new Document("_id", "a")).first())
                    .containsEntry("n", 1);
        }
    }

    private void send(String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", infra.kafkaBootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("smoke", "k", value)).get();
        }
    }
}
