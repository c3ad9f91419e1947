package com.starcert.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

import com.starcert.identity.IdentityIntegrationTest;
import com.starcert.identity.TestHttp;
import com.starcert.identity.VerifiedTokens;

/**
 * A person in the browser console: authorization code with PKCE through the real login form, then the refresh
 * token, all over HTTP hop by hop.
 */
class AuthorizationCodeFlowTest extends IdentityIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    static final String CONSOLE = "starcert-console";
    static final String REDIRECT = "http://localhost:8080/login/oauth2/code/starcert";

    @Test
    @SuppressWarnings("unchecked")
    void aSeededPersonSignsInWithPkceAndRefreshes() throws Exception {
        TestHttp browser = http();
        String verifier = randomUrlSafe(48);
        String authorize = authorizeUrl("xyz-state", challenge(verifier));

        HttpResponse<String> toLogin = browser.browse(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(TestHttp.location(toLogin)).endsWith("/login");

        HttpResponse<String> signedIn = browser.signIn(AUDITOR, AUDITOR_PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String back = TestHttp.location(signedIn);
        assertThat(back).contains("/oauth2/authorize");

        HttpResponse<String> withCode = browser.browse(back);
        assertThat(withCode.statusCode()).isEqualTo(302);
        String callback = TestHttp.location(withCode);
        assertThat(callback).startsWith(REDIRECT);
        Map<String, String> query = query(callback);
        assertThat(query.get("state")).isEqualTo("xyz-state");
        String code = query.get("code");
        assertThat(code).isNotBlank();

        Map<String, String> redeem = new LinkedHashMap<>();
        redeem.put("grant_type", "authorization_code");
        redeem.put("code", code);
        redeem.put("redirect_uri", REDIRECT);
        redeem.put("client_id", CONSOLE);
        redeem.put("code_verifier", verifier);
        HttpResponse<String> tokens = http().postForm("/oauth2/token", redeem);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = TestHttp.json(tokens);
        assertThat(body.has("id_token")).isTrue();

        Map<String, Object> claims = VerifiedTokens.claims(browser, body.get("access_token").asString());
        assertThat(claims.keySet()).containsExactlyInAnyOrder("iss", "sub", "aud", "exp", "iat", "name", "roles",
                "scope");
        assertThat(claims.get("sub")).isEqualTo(AUDITOR);
        assertThat(claims.get("name")).isEqualTo("王审核");
        assertThat(claims.get("roles")).isEqualTo(List.of("AUDITOR", "REVIEWER"));
        assertThat((List<Object>) claims.get("scope")).containsExactlyInAnyOrder("openid", "profile");

        // the refresh token works once, for the public client, and is replaced
        String refreshToken = body.get("refresh_token").asString();
        HttpResponse<String> refreshed = refresh(refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode renewed = TestHttp.json(refreshed);
        Map<String, Object> renewedClaims = VerifiedTokens.claims(browser,
                renewed.get("access_token").asString());
        assertThat(renewedClaims.get("sub")).isEqualTo(AUDITOR);
        assertThat(renewedClaims.get("roles")).isEqualTo(List.of("AUDITOR", "REVIEWER"));
        assertThat(renewed.get("refresh_token").asString()).isNotEqualTo(refreshToken);
        assertThat(refresh(refreshToken).statusCode()).as("a used refresh token").isEqualTo(400);
        assertThat(refresh(renewed.get("refresh_token").asString()).statusCode()).isEqualTo(200);

        // the code was single-use
        assertThat(http().postForm("/oauth2/token", redeem).statusCode()).isEqualTo(400);
    }

    @Test
    void redirectsNameTheGatewayThatForwardedTheRequest() {
        HttpResponse<String> toLogin = http().get(authorizeUrl("s", challenge(randomUrlSafe(48))),
                "Accept", "text/html", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "certs.example.cn",
                "X-Forwarded-Port", "443");
        assertThat(TestHttp.location(toLogin)).isEqualTo("https://certs.example.cn/login");
    }

    @Test
    void storedAuthorizationsHoldNoPasswordHash() {
        TestHttp browser = http();
        browser.signIn(AUDITOR, AUDITOR_PASSWORD);
        HttpResponse<String> withCode = browser.browse(authorizeUrl("s", challenge(randomUrlSafe(48))));
        assertThat(query(TestHttp.location(withCode))).containsKey("code");
        List<String> stored = new ArrayList<>();
        mongo.getCollection("authorizations").find().forEach(d -> stored.add(d.toJson()));
        assertThat(stored).isNotEmpty().noneMatch(json -> json.contains("{bcrypt}") || json.contains("$2a$"));
        assertThat(stored).anyMatch(json -> json.contains(AUDITOR));
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        TestHttp browser = http();
        assertThat(browser.signIn(AUDITOR, AUDITOR_PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> refused = browser.browse(authorizeUrl("no-pkce", null));
        assertThat(refused.statusCode()).isEqualTo(302);
        Map<String, String> query = query(TestHttp.location(refused));
        assertThat(query).doesNotContainKey("code");
        assertThat(query.get("error")).isEqualTo("invalid_request");
    }

    @Test
    void aWrongCodeVerifierIsRefused() {
        TestHttp browser = http();
        browser.signIn(AUDITOR, AUDITOR_PASSWORD);
        HttpResponse<String> withCode = browser.browse(authorizeUrl("s", challenge(randomUrlSafe(48))));
        String code = query(TestHttp.location(withCode)).get("code");
        Map<String, String> redeem = new LinkedHashMap<>();
        redeem.put("grant_type", "authorization_code");
        redeem.put("code", code);
        redeem.put("redirect_uri", REDIRECT);
        redeem.put("client_id", CONSOLE);
        redeem.put("code_verifier", randomUrlSafe(48));
        HttpResponse<String> refused = http().postForm("/oauth2/token", redeem);
        assertThat(refused.statusCode()).isIn(400, 401);
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return http().postForm("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", CONSOLE));
    }

    static String authorizeUrl(String state, String challenge) {
        StringBuilder url = new StringBuilder("/oauth2/authorize?response_type=code&client_id=" + CONSOLE
                + "&redirect_uri=" + enc(REDIRECT) + "&scope=" + enc("openid profile") + "&state=" + state);
        if (challenge != null) {
            url.append("&code_challenge=").append(challenge).append("&code_challenge_method=S256");
        }
        return url.toString();
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
