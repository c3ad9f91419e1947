package com.starcert.identity.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.JsonNode;

import com.starcert.identity.IdentityIntegrationTest;
import com.starcert.identity.TestHttp;
import com.starcert.identity.VerifiedTokens;
import com.starcert.identity.account.Role;
import com.starcert.identity.client.ApiClientAdministration;
import com.starcert.identity.client.ApiClients;
import com.starcert.identity.user.UserAccounts;

/** What the management API does for a CB administrator, and how it refuses bad input. */
class ManagementApiTest extends IdentityIntegrationTest {

    @Autowired
    UserAccounts users;
    @Autowired
    ApiClients clients;
    @Autowired
    ApiClientAdministration administration;
    @Autowired
    PasswordEncoder encoder;

    TestHttp http;
    String admin;

    @BeforeEach
    void admin() {
        http = http();
        admin = http.accessToken(ADMIN_ID, ADMIN_SECRET);
    }

    @Test
    void aPersonIsCreatedListedWithoutSecretsAndCanSignIn() {
        HttpResponse<String> created = http.postJson("/api/users", admin, """
                {"username": "reviewer.zhao", "password": "reviewer-password-1", "name": "赵评审",
                 "roles": ["REVIEWER", "AUDITOR", "REVIEWER"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = TestHttp.json(created);
        assertThat(body.get("username").asString()).isEqualTo("reviewer.zhao");
        assertThat(body.get("name").asString()).isEqualTo("赵评审");
        assertThat(body.get("roles").toString()).isEqualTo("[\"REVIEWER\",\"AUDITOR\"]");
        assertThat(body.has("password")).isFalse();

        assertThat(users.findById("reviewer.zhao").orElseThrow().passwordHash()).startsWith("{bcrypt}");

        HttpResponse<String> list = http.getWithToken("/api/users", admin);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("reviewer.zhao").doesNotContain("password", "{bcrypt}", "$2a$");

        assertThat(TestHttp.location(http().signIn("reviewer.zhao", "reviewer-password-1")))
                .doesNotContain("/login");
    }

    @Test
    void anEnterprisePersonNeedsItsEnterpriseAndNoStaffRole() {
        HttpResponse<String> created = http.postJson("/api/users", admin, """
                {"username": "ent.person", "password": "enterprise-password", "name": "Ent Person",
                 "roles": ["ENTERPRISE"], "enterpriseId": "ent-42"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(TestHttp.json(created).get("enterpriseId").asString()).isEqualTo("ent-42");

        assertInvalid(http.postJson("/api/users", admin, """
                {"username": "ent.noid", "password": "enterprise-password", "name": "x",
                 "roles": ["ENTERPRISE"]}"""), "enterpriseId");
        assertInvalid(http.postJson("/api/users", admin, """
                {"username": "ent.admin", "password": "enterprise-password", "name": "x",
                 "roles": ["ENTERPRISE", "CB_ADMIN"], "enterpriseId": "ent-42"}"""), "roles");
        assertInvalid(http.postJson("/api/users", admin, """
                {"username": "not.ent", "password": "enterprise-password", "name": "x",
                 "roles": ["AUDITOR"], "enterpriseId": "ent-42"}"""), "enterpriseId");
    }

    @Test
    void invalidPeopleAreRefusedNamingTheField() {
        assertInvalid(http.postJson("/api/users", admin, """
                {"username": "short.pw", "password": "too-short", "name": "x", "roles": ["AUDITOR"]}"""),
                "password");
        assertInvalid(http.postJson("/api/users", admin, """
                {"username": "no roles", "password": "long-enough-password", "name": "x", "roles": []}"""),
                "username", "roles");
        assertInvalid(http.postJson("/api/users", admin, """
                {"username": "bad.role", "password": "long-enough-password", "name": "x", "roles": ["KING"]}"""),
                "roles[0]");
        assertInvalid(http.postJson("/api/users", admin, "{\"username\": "), "$");
        // a number is not a password (never converted), a single string not a list of roles
        assertInvalid(http.postJson("/api/users", admin, """
                {"username": "wrong.type", "password": 123456789012, "name": "x", "roles": ["AUDITOR"]}"""),
                "password");
        assertInvalid(http.postJson("/api/users", admin, """
                {"username": "wrong.type", "password": "long-enough-password", "name": "x", "roles": "AUDITOR"}"""),
                "roles");
    }

    @Test
    void aTakenUsernameIsAConflict() {
        HttpResponse<String> duplicate = http.postJson("/api/users", admin, """
                {"username": "%s", "password": "long-enough-password", "name": "x", "roles": ["AUDITOR"]}"""
                .formatted(AUDITOR));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(TestHttp.json(duplicate).get("errors").get(0).get("field").asString()).isEqualTo("username");
    }

    @Test
    void aMachineClientGetsItsSecretOnceAndItWorks() throws Exception {
        HttpResponse<String> created = http.postJson("/api/api-clients", admin, """
                {"name": "采购平台", "roles": ["INTEGRATOR"], "scopes": ["certificates.read"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = TestHttp.json(created);
        String clientId = body.get("clientId").asString();
        String secret = body.get("clientSecret").asString();
        assertThat(clientId).startsWith("client-");
        assertThat(secret).matches("[A-Za-z0-9_-]{43,}");
        assertThat(body.get("roles").toString()).isEqualTo("[\"INTEGRATOR\"]");
        assertThat(body.get("scopes").toString()).isEqualTo("[\"certificates.read\"]");

        String stored = clients.findById(clientId).orElseThrow().secretHash();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(secret);
        assertThat(encoder.matches(secret, stored)).isTrue();

        Map<String, Object> claims = VerifiedTokens.claims(http, http.accessToken(clientId, secret));
        assertThat(claims.get("sub")).isEqualTo(clientId);
        assertThat(claims.get("name")).isEqualTo("采购平台");
        assertThat(claims.get("roles")).isEqualTo(List.of("INTEGRATOR"));
        assertThat(claims.get("scope")).isEqualTo(List.of("certificates.read"));

        HttpResponse<String> list = http.getWithToken("/api/api-clients", admin);
        assertThat(list.body()).contains(clientId).doesNotContain(secret, "{bcrypt}", "secret");
    }

    @Test
    void machineClientsCannotBeEnterpriseOnesAndNeedValidFields() {
        assertInvalid(http.postJson("/api/api-clients", admin, """
                {"name": "sneaky", "roles": ["ENTERPRISE"]}"""), "roles");
        assertInvalid(http.postJson("/api/api-clients", admin, """
                {"name": "", "roles": ["INTEGRATOR"], "scopes": ["has space"]}"""), "name", "scopes[0]");
    }

    @Test
    void anEnterpriseClientActsForItsEnterpriseOnly() throws Exception {
        HttpResponse<String> created = http.postJson("/api/enterprises/ent-77/api-clients", admin, """
                {"name": "ERP"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = TestHttp.json(created);
        assertThat(body.get("enterpriseId").asString()).isEqualTo("ent-77");
        assertThat(body.get("roles").toString()).isEqualTo("[\"ENTERPRISE\"]");
        String clientId = body.get("clientId").asString();
        String secret = body.get("clientSecret").asString();

        String enterprise = http.accessToken(clientId, secret);
        Map<String, Object> claims = VerifiedTokens.claims(http, enterprise);
        assertThat(claims.get("enterprise_id")).isEqualTo("ent-77");

        // the enterprise makes itself another client, but sees nothing of another enterprise
        assertThat(http.postJson("/api/enterprises/ent-77/api-clients", enterprise, "{\"name\": \"second\"}")
                .statusCode()).isEqualTo(201);
        assertThat(http.postJson("/api/enterprises/ent-78/api-clients", enterprise, "{\"name\": \"x\"}")
                .statusCode()).isEqualTo(404);
        assertInvalid(http.postJson("/api/enterprises/ent-77/api-clients", enterprise, "{\"name\": \" \"}"),
                "name");
        assertInvalid(http.postJson("/api/enterprises/ent-77/api-clients", enterprise, "{}"), "name");
    }

    @Test
    void anInvalidOrForeignTokenIs401() {
        assertThat(http.getWithToken("/api/users", "not-a-jwt").statusCode()).isEqualTo(401);
        assertThat(http.getWithToken("/api/users", admin.substring(0, admin.length() - 4) + "AAAA").statusCode())
                .isEqualTo(401);
    }

    @Test
    void healthIsOpenButDetailsAreForOperators() {
        HttpResponse<String> anonymous = http.get("/actuator/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode status = TestHttp.json(anonymous);
        assertThat(status.get("status").asString()).isEqualTo("UP");
        assertThat(status.has("components")).as("no details for anonymous callers").isFalse();
        assertThat(TestHttp.json(http.getWithToken("/actuator/health", admin)).has("components")).isFalse();

        administration.createIfMissing("health-operator", "health-operator-secret-1", "health-operator",
                List.of(Role.OPERATOR), null);
        String operator = http.accessToken("health-operator", "health-operator-secret-1");
        JsonNode detailed = TestHttp.json(http.getWithToken("/actuator/health", operator));
        assertThat(detailed.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }

    static void assertInvalid(HttpResponse<String> response, String... fields) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode errors = TestHttp.json(response).get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        List<String> named = errors.valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(named).as(response.body()).contains(fields);
    }
}
