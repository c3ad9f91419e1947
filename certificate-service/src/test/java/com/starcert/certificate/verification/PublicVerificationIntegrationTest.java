package com.starcert.certificate.verification;

import static com.starcert.certificate.TestEvents.WAIT;
import static com.starcert.certificate.TestEvents.score;
import static com.starcert.certificate.TestEvents.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.starcert.certificate.IntegrationTest;
import com.starcert.certificate.register.HolderNameKeys;
import com.starcert.certificate.register.HolderNameKeysWriter;
import com.starcert.certificate.decision.Decision;
import com.starcert.certificate.decision.Decisions;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Holder;
import com.starcert.contracts.ScoreComputed;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Public verification without login: look-up, search, keys, and authenticity of certificate documents. */
class PublicVerificationIntegrationTest extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    Decisions decisions;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    HolderNameKeysWriter nameKeys;

    @Test
    void public_look_up_shows_only_public_fields_and_unknown_numbers_are_a_clear_404() throws Exception {
        String uscc = uniqueUscc();
        String number = issue("闽光售后服务有限公司" + uscc.substring(10), uscc);

        mvc.perform(get("/api/public/certificates/{number}", number))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.displayNumber").value(number))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.authentic").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.currentRevision").value(1))
                .andExpect(jsonPath("$.isCurrentRevision").value(true))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.holder.uscc").value(uscc))
                .andExpect(jsonPath("$.standard").value("GB/T 27922-2011"))
                .andExpect(jsonPath("$.scheme.id").value("GBT27922-2011"))
                .andExpect(jsonPath("$.level").value("COMPLIANT"))
                .andExpect(jsonPath("$.scope").isString())
                .andExpect(jsonPath("$.sites", hasSize(2)))
                .andExpect(jsonPath("$.sites[0].central").value(true))
                .andExpect(jsonPath("$.sites[1].addressLine").value("福州市鼓楼区五四路 1 号"))
                .andExpect(jsonPath("$.validFrom").isString())
                .andExpect(jsonPath("$.validUntil").isString())
                .andExpect(jsonPath("$.signature").isString())
                .andExpect(jsonPath("$.score").doesNotExist())
                .andExpect(jsonPath("$.enterpriseId").doesNotExist())
                .andExpect(jsonPath("$.auditId").doesNotExist())
                .andExpect(jsonPath("$.history").doesNotExist());

        mvc.perform(get("/api/public/certificates/{number}", "GBT27922-1999-999999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("GBT27922-1999-999999")));
        mvc.perform(get("/api/public/certificates/{number}", number + "-R5"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/public/certificates/{number}", "not-a-number"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("not-a-number")));
    }

    @Test
    void public_answers_carry_an_etag_and_a_short_max_age_and_a_conditional_get_is_304_until_the_status_changes()
            throws Exception {
        String uscc = uniqueUscc();
        String number = issue("闽缓存售后服务有限公司" + uscc.substring(10), uscc);

        String etag = mvc.perform(get("/api/public/certificates/{number}", number))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=10, public"))
                .andExpect(header().exists("ETag"))
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/api/public/certificates/{number}", number).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(content().string(""));
        mvc.perform(get("/api/public/certificates").param("uscc", uscc))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=10, public"))
                .andExpect(header().exists("ETag"));

        mvc.perform(post("/api/certificates/{number}/suspend", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"holder asked\"}"))
                .andExpect(status().isOk());
        String changed = mvc.perform(get("/api/public/certificates/{number}", number).header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(changed).isNotEqualTo(etag);
    }

    @Test
    void search_by_uscc_or_name_is_paged_and_needs_a_criterion() throws Exception {
        String uscc = uniqueUscc();
        String name = "检索测试" + uscc.substring(10) + "有限公司";
        String first = issue(name, uscc);
        issue(name, uscc); // a second enterprise record with the same holder, e.g. a re-registered one

        mvc.perform(get("/api/public/certificates").param("uscc", uscc).param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/public/certificates").param("uscc", uscc).param("page", "1").param("size", "1"))
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/public/certificates").param("name", uscc.substring(10)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "2"))
                .andExpect(jsonPath("$[*].number", org.hamcrest.Matchers.hasItem(first)))
                .andExpect(jsonPath("$[0].score").doesNotExist());
        // a part in Chinese, in another case or full-width: the name search keys narrow, the name decides
        mvc.perform(get("/api/public/certificates").param("name", "测试" + uscc.substring(10, 12).toLowerCase()))
                .andExpect(header().string("X-Total-Count", "2"));
        mvc.perform(get("/api/public/certificates").param("name", "检索测 试" + uscc.substring(10)))
                .andExpect(header().string("X-Total-Count", "0"));
        // a certificate stored before the keys existed is found once they are added after a start
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(first)),
                new org.springframework.data.mongodb.core.query.Update().unset(HolderNameKeys.FIELD), "certificates");
        mvc.perform(get("/api/public/certificates").param("name", uscc.substring(10)))
                .andExpect(header().string("X-Total-Count", "1"));
        nameKeys.addMissingKeys();
        mvc.perform(get("/api/public/certificates").param("name", uscc.substring(10)))
                .andExpect(header().string("X-Total-Count", "2"));
        mvc.perform(get("/api/public/certificates"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("uscc"));
        mvc.perform(get("/api/public/certificates").param("uscc", uscc).param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void the_jwk_set_holds_the_public_ec_key_only() throws Exception {
        issue("密钥测试有限公司", uniqueUscc());
        mvc.perform(get("/api/public/keys"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keys[0].kty").value("EC"))
                .andExpect(jsonPath("$.keys[0].crv").value("P-256"))
                .andExpect(jsonPath("$.keys[0].kid").isString())
                .andExpect(jsonPath("$.keys[0].x").isString())
                .andExpect(jsonPath("$.keys[0].d").doesNotExist());
    }

    @Test
    void a_genuine_certificate_verifies_and_a_forged_or_altered_one_does_not() throws Exception {
        String number = issue("验真测试有限公司", uniqueUscc());
        String document = mvc.perform(get("/api/public/certificates/{number}", number))
                .andReturn().getResponse().getContentAsString();
        ObjectNode doc = (ObjectNode) JSON.readTree(document);
        String jws = doc.get("signature").stringValue();

        // the public document exactly as served
        verify(document)
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.currentRevision").value(1))
                .andExpect(jsonPath("$.isCurrentRevision").value(true))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.keyId").isString());
        // {certificate, signature}
        ObjectNode wrapped = JSON.createObjectNode();
        ObjectNode fields = doc.deepCopy();
        fields.remove("signature");
        wrapped.set("certificate", fields);
        wrapped.put("signature", jws);
        verify(wrapped.toString()).andExpect(jsonPath("$.authentic").value(true));
        // just the JWS
        verify("{\"signature\":\"" + jws + "\"}").andExpect(jsonPath("$.authentic").value(true));

        // altered: a higher level than the one signed
        ObjectNode altered = doc.deepCopy();
        altered.put("level", "FIVE_STAR");
        verify(altered.toString())
                .andExpect(jsonPath("$.authentic").value(false))
                .andExpect(jsonPath("$.reason", containsString("altered")));
        ObjectNode otherSite = doc.deepCopy();
        ((ObjectNode) otherSite.get("sites").get(1)).put("addressLine", "厦门市思明区 99 号");
        verify(otherSite.toString()).andExpect(jsonPath("$.authentic").value(false));

        // forged: the same content signed with another key claiming the CB's key id
        JWSObject original = JWSObject.parse(jws);
        ECKey forger = new ECKeyGenerator(Curve.P_256).generate();
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(original.getHeader().getKeyID()).build(), original.getPayload());
        forged.sign(new ECDSASigner(forger));
        ObjectNode forgedDoc = doc.deepCopy();
        forgedDoc.put("signature", forged.serialize());
        verify(forgedDoc.toString())
                .andExpect(jsonPath("$.authentic").value(false))
                .andExpect(jsonPath("$.reason", containsString("forged")));
        // forged with an unknown key id
        JWSObject unknownKey = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("forger").build(),
                original.getPayload());
        unknownKey.sign(new ECDSASigner(forger));
        verify("{\"signature\":\"" + unknownKey.serialize() + "\"}")
                .andExpect(jsonPath("$.authentic").value(false));
        // a tampered signature string
        String[] parts = jws.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        verify("{\"signature\":\"" + tampered + "\"}").andExpect(jsonPath("$.authentic").value(false));
        verify("{\"signature\":\"not a jws\"}").andExpect(jsonPath("$.authentic").value(false));
        mvc.perform(post("/api/public/certificates/verify").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signature"));

        // the live status is today's, not the one at signing
        mvc.perform(post("/api/certificates/{number}/suspend", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"holder asked\"}"))
                .andExpect(status().isOk());
        verify(document)
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("suspended")));
        mvc.perform(get("/api/public/certificates/{number}", number))
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.valid").value(false));

        // withdrawn: still the CB's signature, never valid again
        mvc.perform(post("/api/certificates/{number}/withdraw", number).with(asReviewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"misuse of the mark\"}"))
                .andExpect(status().isOk());
        verify(document)
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.isCurrentRevision").value(true))
                .andExpect(jsonPath("$.valid").value(false));
    }

    @Test
    void a_certificate_signed_with_a_retired_key_still_verifies() throws Exception {
        String number = issue("轮换测试有限公司", uniqueUscc());
        String document = mvc.perform(get("/api/public/certificates/{number}", number))
                .andReturn().getResponse().getContentAsString();
        ObjectNode doc = (ObjectNode) JSON.readTree(document);
        JWSObject current = JWSObject.parse(doc.get("signature").stringValue());
        // a key the CB used before a rotation: its public half stays in the key set
        ECKey retired = new ECKeyGenerator(Curve.P_256).keyID("retired-" + UUID.randomUUID()).generate();
        mongo.insert(new org.bson.Document("_id", retired.getKeyID()).append("jwk", retired.toPublicJWK()
                .toJSONString()), "public_keys");
        JWSObject old = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(retired.getKeyID()).build(),
                current.getPayload());
        old.sign(new ECDSASigner(retired));
        doc.put("signature", old.serialize());

        verify(doc.toString())
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.keyId").value(retired.getKeyID()));
        mvc.perform(get("/api/public/keys"))
                .andExpect(jsonPath("$.keys[*].kid", org.hamcrest.Matchers.hasItem(retired.getKeyID())));
    }

    org.springframework.test.web.servlet.ResultActions verify(String body) throws Exception {
        return mvc.perform(post("/api/public/certificates/verify").contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isOk());
    }

    String issue(String name, String uscc) {
        ScoreComputed initial = score("ent-" + UUID.randomUUID(), new Holder(name, uscc), AuditType.INITIAL, "85.0",
                0, false);
        send(initial, "/starcert/scoring-service");
        Decision decision = await().atMost(WAIT).until(() -> decisions.latest(initial.auditId()), Optional::isPresent)
                .orElseThrow();
        assertThat(decision.certificateNumber()).isNotNull();
        return decision.certificateNumber();
    }

    static String uniqueUscc() {
        return "9135" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
    }
}
