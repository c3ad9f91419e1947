package com.starcert.scoring.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemePublished;
import com.starcert.contracts.SchemeRef;
import com.starcert.infra.SharedTestInfrastructure;
import com.starcert.scoring.scheme.SchemeDraft.IndicatorDraft;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.problem.ApiProblemException;

/** The catalog on a plain MongoTemplate (Mongo wire server), no Spring context. */
class SchemeCatalogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
    private static final EventCodec CODEC = new EventCodec();
    private static MongoClient client;
    private static MongoTemplate mongo;
    private SchemeCatalog catalog = new SchemeCatalog(mongo, new OutboxEvents(CODEC, "/test", CLOCK), CLOCK);

    @BeforeAll
    static void mongo() {
        String database = "starcert-scoring-catalog-test";
        client = MongoClients.create(SharedTestInfrastructure.get().mongoUri(database));
        mongo = new MongoTemplate(client, database);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static SchemeDraft draft(Integer version, String... codes) {
        return new SchemeDraft(null, version, "Test scheme", java.util.Arrays.stream(codes)
                .map(c -> new IndicatorDraft(c, "group", "名称", "Name", new BigDecimal("7.5"), "SITES", true))
                .toList());
    }

    private static String newId() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void versionsAreNumberedInOrderAndStoredWithTheirEvent() {
        String id = newId();

        Scheme first = catalog.publish(id, draft(null, "A"), "corr-1");
        Scheme second = catalog.publish(id, draft(2, "A", "B"), "corr-2");

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        SchemeVersionDocument stored = mongo.findById(id + "/2", SchemeVersionDocument.class);
        assertThat(stored).isNotNull();
        assertThat(stored.scheme()).isEqualTo(second);
        assertThat(stored.origin()).isEqualTo(SchemeVersionDocument.Origin.PUBLISHED);
        assertThat(stored.outbox()).singleElement().satisfies(m -> {
            assertThat(m.topic()).isEqualTo("scheme.published");
            assertThat(m.key()).isEqualTo(id);
            var event = CODEC.read(m.payload());
            assertThat(event.enterpriseid()).isNull();
            assertThat(event.correlationid()).isEqualTo("corr-2");
            assertThat(CODEC.data(event, SchemePublished.class).scheme()).isEqualTo(second);
        });
        assertThat(new SchemeCatalog(mongo, new OutboxEvents(CODEC, "/t", CLOCK), CLOCK)
                .find(new SchemeRef(id, 1))).contains(first);
    }

    @Test
    void aPublishedVersionCannotBePublishedAgain() {
        String id = newId();
        Scheme original = catalog.publish(id, draft(null, "A"), "c");

        assertThatThrownBy(() -> catalog.publish(id, draft(1, "X", "Y"), "c"))
                .isInstanceOf(ApiProblemException.Conflict.class)
                .hasMessageContaining("version 1 is already published and cannot be changed");
        assertThat(catalog.get(id, 1)).isEqualTo(original);
        assertThat(mongo.findById(id + "/1", SchemeVersionDocument.class).indicators())
                .extracting(Scheme.Indicator::code).containsExactly("A");
    }

    @Test
    void aVersionAfterTheNextIsRefused() {
        String id = newId();

        assertThatThrownBy(() -> catalog.publish(id, draft(2, "A"), "c"))
                .isInstanceOf(ApiProblemException.Conflict.class)
                .hasMessageContaining("the next version is 1");
        assertThat(catalog.find(new SchemeRef(id, 2))).isEmpty();
    }

    @Test
    void anInvalidDraftIsRefusedWholeAndNothingIsStored() {
        String id = newId();
        SchemeDraft bad = new SchemeDraft(null, null, "", List.of(
                new IndicatorDraft("A", "g", "甲", "A", BigDecimal.ZERO, "NOWHERE", false)));

        assertThatThrownBy(() -> catalog.publish(id, bad, "c"))
                .isInstanceOfSatisfying(ApiProblemException.InvalidRequest.class, e -> assertThat(e.errors())
                        .extracting(p -> p.field())
                        .containsExactly("title", "indicators[0].points", "indicators[0].scope"));
        assertThat(catalog.summary(id)).isEmpty();
    }

    @Test
    void theShippedDefaultIsServedRegisteredOnceAndContinuedByTheNextVersion() {
        assertThat(catalog.find(Scheme.defaultScheme().ref())).contains(Scheme.defaultScheme());

        catalog.registerShipped();
        catalog.registerShipped();
        new SchemeCatalog(mongo, new OutboxEvents(CODEC, "/other-instance", CLOCK), CLOCK).registerShipped();

        SchemeVersionDocument stored = mongo.findById(Scheme.DEFAULT_ID + "/1", SchemeVersionDocument.class);
        assertThat(stored.scheme()).isEqualTo(Scheme.defaultScheme());
        assertThat(stored.origin()).isEqualTo(SchemeVersionDocument.Origin.SHIPPED);
        assertThat(catalog.list()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(Scheme.DEFAULT_ID);
            assertThat(s.versions()).contains(1);
        });
        assertThat(catalog.latestVersion("no-such-scheme")).isZero();
        assertThat(catalog.latestVersion(Scheme.DEFAULT_ID)).isGreaterThanOrEqualTo(1);
    }
}
