package com.starcert.identity.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import com.starcert.identity.IdentityIntegrationTest;
import com.starcert.identity.TestHttp;
import com.starcert.identity.account.Role;
import com.starcert.identity.client.ApiClientAdministration;

/** Who may call which management endpoint: every endpoint for every kind of caller, with real tokens. */
class ManagementApiAccessTest extends IdentityIntegrationTest {

    /** The callers: no token, or a client_credentials token of a client with that role. */
    enum Caller { NONE, CB_ADMIN, AUDITOR, REVIEWER, OPERATOR, ENTERPRISE_OWN, ENTERPRISE_OTHER, INTEGRATOR }

    /** The enterprise of the path; ENTERPRISE_OWN belongs to it, ENTERPRISE_OTHER to another one. */
    static final String ENTERPRISE = "ent-table-a";

    static final String TABLE = """
            endpoint                                    NONE CB_ADMIN AUDITOR REVIEWER OPERATOR ENTERPRISE_OWN ENTERPRISE_OTHER INTEGRATOR
            GET  /api/users                              401  200      403     403      403      403            403              403
            POST /api/users                              401  201      403     403      403      403            403              403
            GET  /api/api-clients                        401  200      403     403      403      403            403              403
            POST /api/api-clients                        401  201      403     403      403      403            403              403
            POST /api/enterprises/ent-table-a/api-clients 401 201      403     403      403      201            404              403
            """;

    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

    @Autowired
    ApiClientAdministration clients;

    @BeforeEach
    void tokens() {
        if (!TOKENS.isEmpty()) {
            return;
        }
        TestHttp http = http();
        TOKENS.put(Caller.CB_ADMIN, http.accessToken(ADMIN_ID, ADMIN_SECRET));
        for (Caller caller : List.of(Caller.AUDITOR, Caller.REVIEWER, Caller.OPERATOR, Caller.INTEGRATOR)) {
            TOKENS.put(caller, token(http, caller, Role.valueOf(caller.name()), null));
        }
        TOKENS.put(Caller.ENTERPRISE_OWN, token(http, Caller.ENTERPRISE_OWN, Role.ENTERPRISE, ENTERPRISE));
        TOKENS.put(Caller.ENTERPRISE_OTHER, token(http, Caller.ENTERPRISE_OTHER, Role.ENTERPRISE, "ent-table-b"));
    }

    private String token(TestHttp http, Caller caller, Role role, String enterpriseId) {
        String id = "table-" + caller.name().toLowerCase().replace('_', '-');
        String secret = id + "-secret-0123456789";
        clients.createIfMissing(id, secret, id, List.of(role), enterpriseId);
        return http.accessToken(id, secret);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        List<String> lines = TABLE.lines().filter(l -> !l.isBlank()).toList();
        List<Caller> columns = Arrays.stream(lines.get(0).trim().split("\\s+")).skip(1).map(Caller::valueOf)
                .toList();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            String method = cells[0];
            String path = cells[1];
            for (int i = 0; i < columns.size(); i++) {
                Caller caller = columns.get(i);
                int expected = Integer.parseInt(cells[i + 2]);
                tests.add(DynamicTest.dynamicTest(method + " " + path + " as " + caller + " → " + expected,
                        () -> check(method, path, caller, expected)));
            }
        }
        return tests.stream();
    }

    private void check(String method, String path, Caller caller, int expected) {
        String token = TOKENS.get(caller);
        HttpResponse<String> response = method.equals("GET") ? http().getWithToken(path, token)
                : http().postJson(path, token, validBody(path));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(TestHttp.json(response).get("status").asInt()).isEqualTo(expected);
        }
        if (expected == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        }
    }

    private static String validBody(String path) {
        if (path.equals("/api/users")) {
            return """
                    {"username": "%s", "password": "a-long-enough-password", "name": "表格测试",
                     "roles": ["AUDITOR"]}""".formatted("table-" + UUID.randomUUID().toString().substring(0, 8));
        }
        if (path.equals("/api/api-clients")) {
            return """
                    {"name": "table client", "roles": ["INTEGRATOR"], "scopes": ["api"]}""";
        }
        return """
                {"name": "enterprise table client"}""";
    }
}
