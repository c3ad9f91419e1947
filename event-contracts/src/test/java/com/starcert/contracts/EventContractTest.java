package com.starcert.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the wire format other teams' Kafka clients rely on: the CloudEvents envelope and each event's data fields.
 * A change here is a breaking change of a public contract.
 */
class EventContractTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-11-27T08:00:00Z");
    private static final Holder HOLDER = new Holder("某某电器有限公司", "91350100M000100Y43");
    private static final SchemeRef SCHEME = new SchemeRef("GBT27922-2011", 1);
    private static final List<AuditedSite> SITES = List.of(
            new AuditedSite("CENTRAL", "o-1", true, "总部", "350100", "福州市鼓楼区 1 号"));

    @Test
    void envelopeIsStructuredCloudEvents10() {
        JsonNode node = envelope(new EnterpriseChanged("e-1", EnterpriseChanged.Change.REGISTERED, 1,
                "某某电器有限公司", "91350100M000100Y43", "350100", "福州市鼓楼区 1 号"));
        assertThat(fields(node)).containsExactly("specversion", "id", "source", "type", "subject", "time",
                "datacontenttype", "enterpriseid", "correlationid", "data");
        assertThat(node.path("specversion").asString()).isEqualTo("1.0");
        assertThat(node.path("type").asString()).isEqualTo("com.starcert.enterprise.changed.v1");
        assertThat(node.path("source").asString()).isEqualTo("/starcert/test");
        assertThat(node.path("subject").asString()).isEqualTo("e-1");
        assertThat(node.path("time").asString()).isEqualTo("2026-11-27T08:00:00Z");
        assertThat(node.path("enterpriseid").asString()).isEqualTo("e-1");
        assertThat(node.path("correlationid").asString()).isEqualTo("corr-1");
        assertThat(fields(node.path("data"))).containsExactly("enterpriseId", "change", "version", "name", "uscc",
                "regionCode", "addressLine");
    }

    @Test
    void outletChanged() {
        JsonNode data = envelope(new OutletChanged("e-1", "o-1", OutletChanged.Change.REGISTERED, 1, "郑州网点",
                OutletChanged.OutletKind.BRANCH, OutletChanged.OutletStatus.ACTIVE, "410105", "花园路 1 号", T))
                .path("data");
        assertThat(fields(data)).containsExactly("enterpriseId", "outletId", "change", "version", "name", "kind",
                "status", "regionCode", "addressLine", "registeredAt", "openComplaints");
    }

    @Test
    void auditSubmitted() {
        AuditSubmitted event = new AuditSubmitted("a-1", 1, "e-1", HOLDER, AuditType.INITIAL, SCHEME, SITES,
                List.of(new AuditSubmitted.Finding("CENTRAL", "PRD-REP", AuditSubmitted.Result.NONCONFORMING,
                        "2 records", 10, 2)),
                List.of(new AuditSubmitted.Exclusion("PRD-RCY", "not sold")),
                List.of(new AuditSubmitted.SpecialDeduction(AuditSubmitted.DeductionCategory.LEGAL, "breach")),
                new AuditSubmitted.Bonus("hotline"), false, T);
        JsonNode data = envelope(event).path("data");
        assertThat(fields(data)).containsExactly("auditId", "revision", "enterpriseId", "holder", "auditType",
                "scheme", "sites", "findings", "exclusions", "specialDeductions", "bonus", "outstanding",
                "submittedAt");
        assertThat(fields(data.path("sites").get(0))).containsExactly("siteId", "outletId", "central", "name",
                "regionCode", "addressLine");
        assertThat(fields(data.path("findings").get(0))).containsExactly("siteId", "indicator", "result", "reason",
                "samplesChecked", "samplesNonconforming");
        assertThat(codec.data(codec.read(codec.write(codec.wrap(event, "/starcert/test", "c", T))),
                AuditSubmitted.class)).isEqualTo(event);
    }

    @Test
    void anAuditTooLargeForOneEventTravelsInPartsThatAssembleToTheWhole() {
        List<AuditedSite> sites = new java.util.ArrayList<>();
        List<AuditSubmitted.Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            sites.add(new AuditedSite("S" + i, "o-" + i, false, "网点 " + i, "410102", "路 " + i));
            findings.add(new AuditSubmitted.Finding("S" + i, "PRD-REP", AuditSubmitted.Result.CONFORMING, null, 10,
                    0));
        }
        AuditSubmitted whole = new AuditSubmitted("a-1", 2, "e-1", HOLDER, AuditType.RECERTIFICATION, SCHEME, sites,
                findings, List.of(new AuditSubmitted.Exclusion("PRD-RCY", "not sold")),
                List.of(new AuditSubmitted.SpecialDeduction(AuditSubmitted.DeductionCategory.LEGAL, "breach")),
                new AuditSubmitted.Bonus("hotline"), true, T);
        assertThat(whole.whole()).isTrue();
        List<AuditSubmitted> parts = whole.split(3);
        assertThat(parts).extracting(AuditSubmitted::part).containsExactly(1, 2, 3);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.whole()).isFalse();
            assertThat(p.parts()).isEqualTo(3);
            assertThat(p.sites().size()).isBetween(33, 34);
        });
        assertThat(parts.get(1).exclusions()).isEmpty();
        assertThat(parts.get(2).bonus()).isNull();
        // the fields travel with the parts; the whole event does not carry them
        assertThat(fields(envelope(parts.get(1)).path("data"))).contains("part", "parts");
        assertThat(fields(envelope(whole).path("data"))).doesNotContain("part", "parts");

        List<AuditSubmitted> arrived = new java.util.ArrayList<>(parts.stream().map(p -> codec.data(codec.read(
                codec.write(codec.wrap(p, "/starcert/test", "c", T))), AuditSubmitted.class)).toList());
        java.util.Collections.reverse(arrived);
        assertThat(AuditSubmitted.assemble(arrived)).isEqualTo(whole);
        assertThatThrownBy(() -> AuditSubmitted.assemble(parts.subList(0, 2)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("2 of its 3 parts");
        assertThatThrownBy(() -> AuditSubmitted.assemble(List.of(parts.get(0), parts.get(0), parts.get(2))))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void scoreComputed() {
        JsonNode data = envelope(new ScoreComputed("a-1", 1, "e-1", HOLDER, AuditType.INITIAL, SCHEME,
                new BigDecimal("93.7"), Band.FOUR_STAR, SITES, 0, false, T)).path("data");
        assertThat(fields(data)).containsExactly("auditId", "revision", "enterpriseId", "holder", "auditType",
                "scheme", "score", "band", "sites", "specialDeductions", "outstanding", "computedAt");
        assertThat(data.path("score").decimalValue()).isEqualByComparingTo("93.7");
    }

    @Test
    void certificateIssuedAndRefused() {
        JsonNode issued = envelope(new CertificateIssued("GBT27922-2026-000001", 1, "a-1", 1, "e-1", HOLDER, SCHEME,
                Band.COMPLIANT, new BigDecimal("93.7"), LocalDate.of(2026, 11, 27), LocalDate.of(2029, 11, 27),
                SITES, T)).path("data");
        assertThat(fields(issued)).containsExactly("certificateNumber", "certificateRevision", "auditId",
                "auditRevision", "enterpriseId", "holder", "scheme", "level", "score", "validFrom", "validUntil",
                "sites", "issuedAt");
        assertThat(issued.path("validUntil").asString()).isEqualTo("2029-11-27");

        JsonNode refused = envelope(new CertificationRefused("a-1", 1, "e-1", new BigDecimal("65.0"),
                Band.NOT_CERTIFIED, "score below 70", T)).path("data");
        assertThat(fields(refused)).containsExactly("auditId", "auditRevision", "enterpriseId", "score", "band",
                "reason", "decidedAt");
    }

    @Test
    void correctiveActionsVerifiedAndStatusChanged() {
        JsonNode verified = envelope(new CorrectiveActionsVerified("a-1", 2, "e-1", 3, T)).path("data");
        assertThat(fields(verified)).containsExactly("auditId", "revision", "enterpriseId", "actions", "verifiedAt");

        JsonNode returned = envelope(new AuditReturned("a-1", 1, "e-1", "findings at S02 incomplete", T))
                .path("data");
        assertThat(fields(returned)).containsExactly("auditId", "revision", "enterpriseId", "reason", "returnedAt");
        assertThat(Topics.AUDIT_RETURNED).isEqualTo("audit.returned");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditReturned("a-1", 0, "e-1", "r", T)
                .requireComplete()).isInstanceOf(MalformedEventException.class);

        JsonNode changed = envelope(new CertificateStatusChanged("GBT27922-2026-000001", 2, "e-1",
                CertificateStatus.ACTIVE, CertificateStatus.SUSPENDED, Band.COMPLIANT, "surveillance not carried out",
                null, LocalDate.of(2027, 11, 27), T)).path("data");
        assertThat(fields(changed)).containsExactly("certificateNumber", "certificateRevision", "enterpriseId",
                "previousStatus", "status", "level", "reason", "auditId", "auditRevision", "effectiveOn", "changedAt");
    }

    @Test
    void schemePublishedIsKeyedBySchemeAndNeedsNoEnterprise() {
        SchemePublished event = new SchemePublished(Scheme.defaultScheme(), T);
        CloudEvent cloudEvent = codec.wrap(event, "/starcert/test", "corr-1", T);
        assertThat(cloudEvent.enterpriseid()).isNull();
        assertThat(event.partitionKey()).isEqualTo("GBT27922-2011");
        JsonNode data = json.readTree(codec.write(cloudEvent)).path("data");
        assertThat(fields(data)).containsExactly("scheme", "publishedAt");
        assertThat(codec.data(codec.read(codec.write(cloudEvent)), SchemePublished.class).scheme())
                .isEqualTo(Scheme.defaultScheme());
    }

    @Test
    void everyEventTypeHasItsOwnTopic() {
        assertThat(List.of(EventType.values())).extracting(EventType::topic).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(Topics.deadLetter(Topics.AUDIT_SUBMITTED)).isEqualTo("audit.submitted.DLT");
        assertThat(Topics.CORRECTIVE_ACTIONS_VERIFIED).isEqualTo("audit.corrective-actions-verified");
        assertThat(Topics.CERTIFICATE_STATUS_CHANGED).isEqualTo("certificate.status-changed");
    }

    @Test
    void malformedMessagesAreRefused() {
        assertThatThrownBy(() -> codec.read("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.read("{}")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.read(new byte[0])).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.read("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\","
                + "\"type\":\"com.example.other\",\"enterpriseid\":\"e\",\"data\":{}}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unknown event type");
    }

    @Test
    void defaultSchemeIsTheBriefsTable() {
        Scheme scheme = Scheme.defaultScheme();
        assertThat(scheme.indicators()).hasSize(15);
        assertThat(scheme.indicators().stream().map(Scheme.Indicator::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(scheme.indicator("PRD-REP").orElseThrow().sampled()).isTrue();
        assertThat(scheme.indicator("SYS-ORG").orElseThrow().scope()).isEqualTo(Scheme.Scope.CENTRAL);
    }

    private JsonNode envelope(IntegrationEvent event) {
        return json.readTree(codec.write(codec.wrap(event, "/starcert/test", "corr-1", T)));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
