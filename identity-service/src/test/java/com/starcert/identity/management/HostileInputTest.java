package com.starcert.identity.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.starcert.identity.IdentityIntegrationTest;
import com.starcert.identity.TestHttp;
import com.starcert.identity.user.UserAccounts;

/**
 * The input checks the four services have hold here too (web-input): malformed or operator-laden parameters,
 * oversize and non-UTF-8 JSON bodies and JSON values of the wrong type are 400/413 problems naming what is wrong,
 * never a 500, and nothing is stored.
 */
class HostileInputTest extends IdentityIntegrationTest {

    @Autowired
    UserAccounts users;

    TestHttp http;
    String admin;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void admin() {
        http = http();
        admin = http.accessToken(ADMIN_ID, ADMIN_SECRET);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        expectProblem(send("GET", "/api/users?name=%ff", null, null), 400, "name");
        expectProblem(send("GET", "/api/users?username[$ne]=x", null, null), 400, "username[$ne]");
        expectProblem(send("GET", "/api/users?$where=1", null, null), 400, "$where");
        // also on the token endpoint, before Spring Security reads its parameters
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(http.url("/oauth2/token?scope=%ff")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        expectProblem(token, 400, "scope");
    }

    @Test
    void oversizeNonUtf8AndWronglyTypedBodiesAreProblemsAndStoreNothing() throws Exception {
        long before = users.count();
        byte[] twoMegabytes = ("{\"username\": \"big.one\", \"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> big = send("POST", "/api/users", "application/json", twoMegabytes);
        assertThat(big.statusCode()).as(big.body()).isEqualTo(413);
        assertThat(big.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(TestHttp.JSON.readTree(big.body()).path("detail").asString()).contains("at most 1048576 bytes");

        byte[] latin1 = "{\"username\": \"m\u00fcller.a\", \"password\": \"a-long-password-1\", \"name\": \"M\u00fcller\", \"roles\": [\"AUDITOR\"]}"
                .getBytes(StandardCharsets.ISO_8859_1);
        expectProblem(send("POST", "/api/users", "application/json", latin1), 400, "$");

        byte[] number = "{\"username\": 12345, \"password\": \"a-long-password-1\", \"name\": \"x\", \"roles\": [\"AUDITOR\"]}"
                .getBytes(StandardCharsets.UTF_8);
        expectProblem(send("POST", "/api/users", "application/json", number), 400, "username");
        assertThat(users.count()).isEqualTo(before);
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.url(path)))
                .header("Authorization", "Bearer " + admin)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expectProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = TestHttp.JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("errors").path(0).path("field").asString()).as(response.body()).isEqualTo(field);
    }
}
