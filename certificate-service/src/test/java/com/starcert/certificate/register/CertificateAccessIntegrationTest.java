package com.starcert.certificate.register;

import static com.starcert.certificate.TestEvents.score;
import static com.starcert.certificate.TestEvents.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.starcert.certificate.IntegrationTest;
import com.starcert.certificate.TestEvents;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.decision.Decision;
import com.starcert.certificate.decision.Decisions;
import com.starcert.certificate.decision.Outcome;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.CorrectiveActionsVerified;
import com.starcert.contracts.Holder;
import com.starcert.contracts.ScoreComputed;

/** What an enterprise sees of the register: its own certificates and decisions, nothing of another enterprise. */
class CertificateAccessIntegrationTest extends IntegrationTest {

    static final String SCORING = "/starcert/scoring-service";

    @Autowired
    MockMvc mvc;
    @Autowired
    Decisions decisions;
    @Autowired
    Certificates certificates;

    @Test
    void anEnterpriseListsOnlyItsOwnCertificates() throws Exception {
        String a = "ent-" + UUID.randomUUID();
        String b = "ent-" + UUID.randomUUID();
        String a1 = issue(a, "81.0");
        String b1 = issue(b, "85.0");

        mvc.perform(get("/api/certificates").param("enterpriseId", a).with(asEnterprise(a)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].number").value(a1))
                .andExpect(jsonPath("$[0].enterpriseId").value(a));
        // its own without naming itself
        mvc.perform(get("/api/certificates").with(asEnterprise(a)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].number", containsInAnyOrder(a1)));
        // another enterprise's list holds nothing it may see
        mvc.perform(get("/api/certificates").param("enterpriseId", b).with(asEnterprise(a)))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(get("/api/certificates").param("enterpriseId", a).with(asEnterprise(b)))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(get("/api/certificates").with(asEnterprise(b)))
                .andExpect(jsonPath("$[*].number", containsInAnyOrder(b1)));
        // CB staff list any enterprise, and must say which
        mvc.perform(get("/api/certificates").param("enterpriseId", b).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].number", containsInAnyOrder(b1)));
        mvc.perform(get("/api/certificates").with(asAuditor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
    }

    @Test
    void anotherEnterprisesCertificateAndDecisionAreNotFound() throws Exception {
        String a = "ent-" + UUID.randomUUID();
        String b = "ent-" + UUID.randomUUID();
        ScoreComputed scoreA = score(a, new Holder("甲电器有限公司", "91350100M000100Y43"), AuditType.INITIAL, "82.0", 0,
                false);
        send(scoreA, SCORING);
        String number = awaitDecision(scoreA.auditId()).certificateNumber();

        mvc.perform(get("/api/certificates/{number}", number).with(asEnterprise(a)))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.score").value(82.0));
        mvc.perform(get("/api/decisions/{auditId}", scoreA.auditId()).with(asEnterprise(a)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ISSUED"));

        // for B it does not exist: the same answer as a number never issued
        for (String asked : new String[] {"GBT27922-1999-000001", number}) {
            mvc.perform(get("/api/certificates/{number}", asked).with(asEnterprise(b)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Not found"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(asked)))
                    .andExpect(jsonPath("$.score").doesNotExist());
        }
        mvc.perform(get("/api/certificates/{number}", number + "-R1").with(asEnterprise(b)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/decisions/{auditId}", scoreA.auditId()).with(asEnterprise(b)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // nor can B act on it; A sees it but may not act on it
        mvc.perform(post("/api/certificates/{number}/cancel", number).with(asEnterprise(b))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"not mine\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/certificates/{number}/cancel", number).with(asEnterprise(a))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"we give it up\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(certificates.byNumber(number).orElseThrow().status()).isEqualTo(CertificateStatus.ACTIVE);
        // the public entry shows the public part to anyone, B included
        mvc.perform(get("/api/public/certificates/{number}", number).with(asEnterprise(b)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").doesNotExist());
    }

    @Test
    void aDecisionHeldForCorrectiveActionsIsNotYetThereForTheEnterprise() throws Exception {
        String a = "ent-" + UUID.randomUUID();
        ScoreComputed held = score(a, new Holder("整改中有限公司", "91350100M000100Y43"), AuditType.INITIAL, "86.0", 1,
                false);
        send(held, SCORING);
        assertThat(awaitDecision(held.auditId()).outcome()).isEqualTo(Outcome.HELD);

        mvc.perform(get("/api/decisions/{auditId}", held.auditId()).with(asAuditor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("HELD"));
        mvc.perform(get("/api/decisions/{auditId}", held.auditId()).with(asEnterprise(a)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        send(new CorrectiveActionsVerified(held.auditId(), 1, a, 1, Instant.now()), "/starcert/audit-service");
        await().atMost(TestEvents.WAIT).until(() -> decisions.latest(held.auditId()).orElseThrow().outcome(),
                outcome -> outcome != Outcome.HELD);
        mvc.perform(get("/api/decisions/{auditId}", held.auditId()).with(asEnterprise(a)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ISSUED"))
                .andExpect(jsonPath("$.score").value(86.0));
    }

    private String issue(String enterpriseId, String score) {
        ScoreComputed s = score(enterpriseId, new Holder("列表测试有限公司", "91350100M000100Y43"),
                AuditType.INITIAL, score, 0, false);
        send(s, SCORING);
        return awaitDecision(s.auditId()).certificateNumber();
    }

    private Decision awaitDecision(String auditId) {
        return await().atMost(TestEvents.WAIT).until(() -> decisions.latest(auditId), Optional::isPresent)
                .orElseThrow();
    }
}
