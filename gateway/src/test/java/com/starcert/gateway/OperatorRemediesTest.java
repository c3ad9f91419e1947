package com.starcert.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * {@code POST /api/operations/dead-letters/{topic}/redrive} and {@code POST /api/operations/outbox/parked/resend}:
 * OPERATOR only; the gateway asks every service, with the operator's token, and adds up what each did; a failure of some services is a 502 problem that still says what
 * the others did.
 */
class OperatorRemediesTest extends GatewayTestSupport {

    private static final List<Backend> SERVICES = List.of(outlet, audit, scoring, certificate);

    @Test
    void anOperatorReDrivesATopicInEveryServiceAndGetsTheCountPerService() {
        String token = ISSUER.operator();
        int[] before = SERVICES.stream().mapToInt(b -> b.seen.size()).toArray();

        client().post().uri("/api/operations/dead-letters/score.computed/redrive")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.topic").isEqualTo("score.computed")
                .jsonPath("$.redriven").isEqualTo(6 + 5 + 7 + 11)
                .jsonPath("$.services.audit-service.redriven").isEqualTo(5)
                .jsonPath("$.services.certificate-service.byConsumerGroup.certificate-service").isEqualTo(11)
                .jsonPath("$.services.outlet-service.redriven").isEqualTo(6)
                .jsonPath("$.services.scoring-service.redriven").isEqualTo(7);

        everyServiceWasAskedOnce(before, "/api/operations/dead-letters/score.computed/redrive", token);
    }

    @Test
    void anOperatorPutsEveryServicesParkedEventsBackAndGetsTheCountPerService() {
        String token = ISSUER.operator();
        int[] before = SERVICES.stream().mapToInt(b -> b.seen.size()).toArray();

        client().post().uri("/api/operations/outbox/parked/resend")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.resent").isEqualTo(3 + 2 + 4 + 8)
                .jsonPath("$.services.audit-service.resent").isEqualTo(2)
                .jsonPath("$.services.audit-service.byCollection.audits").isEqualTo(2)
                .jsonPath("$.services.certificate-service.resent").isEqualTo(8)
                .jsonPath("$.services.outlet-service.resent").isEqualTo(3)
                .jsonPath("$.services.scoring-service.resent").isEqualTo(4);

        everyServiceWasAskedOnce(before, "/api/operations/outbox/parked/resend", token);
    }

    /** Each service got one more request since {@code before}: a POST to {@code path} with the operator's token. */
    private static void everyServiceWasAskedOnce(int[] before, String path, String token) {
        for (int i = 0; i < SERVICES.size(); i++) {
            Backend service = SERVICES.get(i);
            assertThat(service.seen.size()).as(service.name).isEqualTo(before[i] + 1);
            Backend.Seen seen = service.last();
            assertThat(seen.method()).isEqualTo("POST");
            assertThat(seen.path()).isEqualTo(path);
            assertThat(seen.header("Authorization")).isEqualTo(bearer(token));
        }
    }

    @Test
    void onlyAnOperatorMay() {
        for (String path : List.of("/api/operations/dead-letters/score.computed/redrive",
                "/api/operations/outbox/parked/resend")) {
            for (String token : List.of(ISSUER.cbAdmin(), ISSUER.auditor("aud-1"), ISSUER.reviewer("rev-1"),
                    ISSUER.enterprise("E1"), ISSUER.integrator())) {
                client().post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token))
                        .exchange().expectStatus().isForbidden();
            }
            client().post().uri(path).exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void anUnknownTopicIsTheServicesProblemAndNoTopicNameAtAllTheGateways() {
        client().post().uri("/api/operations/dead-letters/unknown.topic/redrive")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.operator()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").isEqualTo("topic: not a StarCert event topic");

        int asked = outlet.seen.size();
        client().post().uri("/api/operations/dead-letters/Bad_Topic$/redrive")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.operator()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("topic");
        assertThat(outlet.seen.size()).as("no service asked").isEqualTo(asked);
    }

    @Test
    void whenOneServiceFailsTheOthersCountsAreStillReported() {
        client().post().uri("/api/operations/dead-letters/flaky.topic/redrive")
                .header(HttpHeaders.AUTHORIZATION, bearer(ISSUER.operator()))
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Re-drive incomplete")
                .jsonPath("$.redriven").isEqualTo(6 + 5 + 11)
                .jsonPath("$.services.scoring-service.status").isEqualTo(500)
                .jsonPath("$.services.scoring-service.detail").isEqualTo("the broker did not take it")
                .jsonPath("$.services.audit-service.redriven").isEqualTo(5);
    }
}
