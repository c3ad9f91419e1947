package com.starcert.certificate;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import com.starcert.contracts.AuditType;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.Band;
import com.starcert.contracts.CertificateIssued;
import com.starcert.contracts.CertificateStatusChanged;
import com.starcert.contracts.CloudEvent;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Holder;
import com.starcert.contracts.IntegrationEvent;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemeRef;
import com.starcert.contracts.ScoreComputed;
import com.starcert.infra.EventTraffic;

/** Real CloudEvents in (EventCodec + KafkaProducer), our events out (a plain KafkaConsumer). */
public final class TestEvents {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final EventCodec CODEC = new EventCodec();

    private TestEvents() {
    }

    public static byte[] send(IntegrationEvent event, String source) {
        return EventTraffic.send(event, source);
    }

    public static void sendBytes(String topic, String key, byte[] bytes) {
        EventTraffic.sendBytes(topic, key, bytes);
    }

    public static ScoreComputed score(String enterpriseId, Holder holder, AuditType type, String score,
                                      int specialDeductions, boolean outstanding) {
        BigDecimal shown = new BigDecimal(score);
        return new ScoreComputed(UUID.randomUUID().toString(), 1, enterpriseId, holder, type,
                new SchemeRef(Scheme.DEFAULT_ID, 1), shown, Band.of(shown),
                List.of(new AuditedSite("central", null, true, "总部", "350100", "福州市台江区江滨路 8 号"),
                        new AuditedSite("site-7", "outlet-7", false, "鼓楼服务网点", "350102", "福州市鼓楼区五四路 1 号")),
                specialDeductions, outstanding, Instant.now());
    }

    public static CertificateIssued issued(ConsumerRecord<String, String> r) {
        return CODEC.data(CODEC.read(r.value()), CertificateIssued.class);
    }

    public static CertificateStatusChanged statusChanged(ConsumerRecord<String, String> r) {
        return CODEC.data(CODEC.read(r.value()), CertificateStatusChanged.class);
    }

    public static CloudEvent envelope(ConsumerRecord<String, String> r) {
        return CODEC.read(r.value());
    }

    public static ConsumerRecord<String, String> awaitRecord(String topic,
                                                             Predicate<ConsumerRecord<String, String>> match) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> readAll(topic).stream().filter(match).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Everything on the topic so far, read with a plain consumer from the beginning. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return EventTraffic.readAll(topic);
    }
}
