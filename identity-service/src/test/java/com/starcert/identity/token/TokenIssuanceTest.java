package com.starcert.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.starcert.identity.IdentityIntegrationTest;
import com.starcert.identity.TestHttp;
import com.starcert.identity.VerifiedTokens;

/** Machine clients: the exact claims of their tokens, the signature against the published keys, bad secrets. */
class TokenIssuanceTest extends IdentityIntegrationTest {

    @Test
    void clientCredentialsTokenOfTheSeededAdminHasExactlyTheStarCertClaims() throws Exception {
        TestHttp http = http();
        HttpResponse<String> response = http.clientCredentials(ADMIN_ID, ADMIN_SECRET);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.has("refresh_token")).as("no refresh token for machines").isFalse();

        Map<String, Object> claims = VerifiedTokens.claims(http, body.get("access_token").asString());
        assertThat(claims.keySet()).containsExactlyInAnyOrder("iss", "sub", "aud", "exp", "iat", "name", "roles",
                "scope");
        assertThat(claims.get("iss")).isEqualTo("http://localhost:8080");
        assertThat(claims.get("sub")).isEqualTo(ADMIN_ID);
        // one audience: JWT libraries (Nimbus included) write it as the single string RFC 7519 allows, and read
        // it back as the list ["starcert"]
        assertThat(SignedJWT.parse(body.get("access_token").asString()).getJWTClaimsSet().getAudience())
                .containsExactly("starcert");
        assertThat(claims.get("name")).isEqualTo(ADMIN_ID);
        assertThat(claims.get("roles")).isEqualTo(List.of("CB_ADMIN"));
        assertThat(claims.get("scope")).isEqualTo(List.of("api"));
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertThat(Duration.ofSeconds(lifetime)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anEnterpriseClientsTokenCarriesItsEnterpriseId() throws Exception {
        TestHttp http = http();
        Map<String, Object> claims = VerifiedTokens.claims(http,
                http.accessToken("seeded-enterprise", "seeded-enterprise-secret-1"));
        assertThat(claims.get("roles")).isEqualTo(List.of("ENTERPRISE"));
        assertThat(claims.get("enterprise_id")).isEqualTo("ent-seeded");
        assertThat(claims.keySet()).containsExactlyInAnyOrder("iss", "sub", "aud", "exp", "iat", "name", "roles",
                "scope", "enterprise_id");
    }

    @Test
    void aWrongSecretOrAnUnknownClientIsRefusedWith401() {
        TestHttp http = http();
        HttpResponse<String> wrong = http.clientCredentials("seeded-integrator", "not-the-secret");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(wrong).get("error").asString()).isEqualTo("invalid_client");
        assertThat(http.clientCredentials("nobody", "whatever").statusCode()).isEqualTo(401);
        // one failure is far from the lockout: the right secret still works
        assertThat(http.clientCredentials("seeded-integrator", "seeded-integrator-secret-1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTokenRequestWithoutClientAuthenticationIs401InvalidClientNotARedirectToTheLoginPage() {
        TestHttp http = http();
        for (String accept : List.of("*/*", "application/json")) {
            HttpResponse<String> anonymous = http.postForm("/oauth2/token",
                    Map.of("grant_type", "client_credentials"), "Accept", accept);
            assertThat(anonymous.statusCode()).as(accept).isEqualTo(401);
            assertThat(TestHttp.json(anonymous).get("error").asString()).isEqualTo("invalid_client");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic"));
        }
        // the user-info endpoint without a token: a bearer-token 401, no login page either
        HttpResponse<String> userInfo = http.get("/userinfo", "Accept", "*/*");
        assertThat(userInfo.statusCode()).isEqualTo(401);
        assertThat(userInfo.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void discoveryNamesTheGatewayAsIssuerAndPublishesTheKeys() {
        TestHttp http = http();
        JsonNode oidc = TestHttp.json(http.get("/.well-known/openid-configuration"));
        assertThat(oidc.get("issuer").asString()).isEqualTo("http://localhost:8080");
        assertThat(oidc.get("jwks_uri").asString()).isEqualTo("http://localhost:8080/oauth2/jwks");
        assertThat(oidc.get("token_endpoint").asString()).isEqualTo("http://localhost:8080/oauth2/token");
        JsonNode oauth = TestHttp.json(http.get("/.well-known/oauth-authorization-server"));
        assertThat(oauth.get("issuer").asString()).isEqualTo("http://localhost:8080");
        assertThat(oauth.get("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(TestHttp.json(http.get("/oauth2/jwks")).get("keys")).hasSize(1);
    }
}
