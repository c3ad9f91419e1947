package com.starcert.audit.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.AuditedSite;
import com.starcert.contracts.EventCodec;
import com.starcert.contracts.Holder;
import com.starcert.contracts.Scheme;
import com.starcert.contracts.SchemeRef;
import com.starcert.support.messaging.OutboxEvents;
import com.starcert.support.messaging.OutboxMessage;

/** A submission too large for one event goes out in the fewest parts that each fit, in order on one key. */
class SubmissionPartsTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final OutboxEvents EVENTS = new OutboxEvents(CODEC, "/starcert/audit-service", Clock.systemUTC());

    @Test
    void aSmallSubmissionIsOneEvent() {
        List<OutboxMessage> messages = SubmissionParts.of(audit(3, 10), 1024 * 1024, e -> EVENTS.message(e, "c"));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.payload()).doesNotContain("\"parts\""));
    }

    @Test
    void anUnsampledNetworkWithLongReasonsGoesOutInPartsWithinTheLimitThatAssembleToTheWhole() {
        AuditSubmitted whole = audit(2_000, 1_500);
        long limit = 256 * 1024;
        assertThat(bytes(EVENTS.message(whole, "c"))).isGreaterThan(10 * limit);

        List<OutboxMessage> messages = SubmissionParts.of(whole, limit, e -> EVENTS.message(e, "c"));
        assertThat(messages.size()).isGreaterThan(10);
        assertThat(messages).allSatisfy(m -> {
            assertThat(bytes(m)).isLessThanOrEqualTo(limit);
            assertThat(m.key()).isEqualTo(whole.enterpriseId());
        });
        List<AuditSubmitted> parts = messages.stream()
                .map(m -> CODEC.data(CODEC.read(m.payload()), AuditSubmitted.class)).toList();
        assertThat(parts).extracting(AuditSubmitted::part).isSorted().doesNotHaveDuplicates();
        assertThat(AuditSubmitted.assemble(parts)).isEqualTo(whole);
    }

    private static long bytes(OutboxMessage m) {
        return m.payload().getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code sites} outlets, each with 15 findings; every other one nonconforming with a reason of {@code reason} characters. */
    private static AuditSubmitted audit(int sites, int reason) {
        List<AuditedSite> audited = new ArrayList<>();
        List<AuditSubmitted.Finding> findings = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            audited.add(new AuditedSite("S" + i, "o-" + i, false, "服务网点 " + i, "410102", "中原路 " + i + " 号"));
            for (int k = 0; k < 15; k++) {
                boolean bad = (i + k) % 2 == 0;
                findings.add(new AuditSubmitted.Finding("S" + i, "IND-" + k, bad ? AuditSubmitted.Result.NONCONFORMING
                        : AuditSubmitted.Result.CONFORMING, bad ? "记录不全".repeat(reason / 4) : null, 10, bad ? 2 : 0));
            }
        }
        return new AuditSubmitted("a-big", 1, "e-big", new Holder("大网络服务有限公司", "91350100M000100Y43"),
                AuditType.INITIAL, new SchemeRef(Scheme.DEFAULT_ID, 1), audited, findings, List.of(), List.of(), null,
                false, Instant.parse("2026-12-03T08:00:00Z"));
    }
}
