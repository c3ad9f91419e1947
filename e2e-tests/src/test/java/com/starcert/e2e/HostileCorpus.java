package com.starcert.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Malformed and hostile requests, each sent through the gateway with a token that is allowed on its endpoint, so
 * that only the input itself can be wrong: wrong JSON types, huge and negative numbers, negative pages, unknown
 * enumeration values, deep nesting, invalid UTF-8 in bodies and query strings, query operators in parameter names
 * and bodies, path traversal, oversize bodies.
 */
final class HostileCorpus {

    /** One request: what it tries, and the token of a role allowed on the endpoint (null: public). */
    record Case(String what, String method, String path, String contentType, byte[] body, Supplier<String> token) {
    }

    /** What the gateway answered. */
    record Answer(int status, String contentType, String body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HostileCorpus() {
    }

    static Answer send(String gateway, Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + c.path()))
                .timeout(Duration.ofSeconds(60))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.token() != null) {
            request.header("Authorization", "Bearer " + c.token().get());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /**
     * The corpus against one enterprise ({@code enterpriseId}, with outlet {@code outletId}) and one planned audit.
     * {@code freshUscc} gives a valid, unused USCC for each registration attempt, so that "nothing stored" can be
     * checked by looking each one up afterwards ({@code usccs} collects them).
     */
    static List<Case> build(String enterpriseId, String outletId, String auditId, Supplier<String> admin,
                            Supplier<String> auditor, Supplier<String> reviewer, Supplier<String> freshUscc,
                            List<String> usccs) {
        List<Case> cases = new ArrayList<>();
        String json = "application/json";

        // wrong JSON types in an enterprise registration
        String[] enterpriseFields = {"name", "uscc", "address", "address.regionCode", "address.line", "contact",
            "contact.name", "contact.phone", "productCategories"};
        String[] wrongValues = {"123", "true", "[1, 2]", "{\"x\": 1}", "12.5", "{\"$ne\": null}"};
        for (String field : enterpriseFields) {
            for (String wrong : wrongValues) {
                if (field.equals("productCategories") && wrong.startsWith("[")) {
                    continue; // an array of numbers is still the wrong type inside, covered below
                }
                String uscc = freshUscc.get();
                usccs.add(uscc);
                cases.add(new Case("enterprise " + field + " = " + wrong, "POST", "/api/enterprises", json,
                        utf8(enterprise(uscc, field, wrong)), admin));
            }
        }
        String uscc = freshUscc.get();
        usccs.add(uscc);
        cases.add(new Case("productCategories of numbers", "POST", "/api/enterprises", json,
                utf8(enterprise(uscc, "productCategories", "[1, 2]")), admin));

        // huge, negative, fractional numbers in an outlet
        String[] numbers = {"1e400", "123456789012345678901234567890", "-1", "-1e308", "3.5", "\"7\"", "true"};
        String[] numberFields = {"serviceHours.daysPerWeek", "serviceHours.hoursPerDay", "commitments.responseHours",
            "commitments.onSiteHours", "commitments.resolutionHours"};
        for (String field : numberFields) {
            for (String number : numbers) {
                cases.add(new Case("outlet " + field + " = " + number, "POST",
                        "/api/enterprises/" + enterpriseId + "/outlets", json, utf8(outlet(field, number)), admin));
            }
        }

        // unknown enumeration values
        for (String kind : new String[] {"\"SPACESHIP\"", "\"branch \"", "\"\"", "1", "\"HEADQUARTERS'--\""}) {
            cases.add(new Case("outlet kind " + kind, "POST", "/api/enterprises/" + enterpriseId + "/outlets", json,
                    utf8(outlet("kind", kind)), admin));
        }
        for (String value : new String[] {"SPACESHIP", "active%27", "1", "%24ne", "ACTIVE%00"}) {
            cases.add(new Case("outlet filter status " + value, "GET",
                    "/api/enterprises/" + enterpriseId + "/outlets?status=" + value, null, null, admin));
            cases.add(new Case("outlet filter kind " + value, "GET",
                    "/api/enterprises/" + enterpriseId + "/outlets?kind=" + value, null, null, admin));
        }
        for (String type : new String[] {"\"NOPE\"", "\"initial\"", "7", "null", "{\"$in\": [\"INITIAL\"]}"}) {
            cases.add(new Case("audit type " + type, "POST", "/api/audits", json, utf8("{\"enterpriseId\": \""
                    + enterpriseId + "\", \"type\": " + type + "}"), admin));
        }
        for (String status : new String[] {"\"EXPLODED\"", "\"\"", "3", "[\"CLOSED\"]", "{\"$ne\": \"ACTIVE\"}"}) {
            cases.add(new Case("outlet status " + status, "POST",
                    "/api/enterprises/" + enterpriseId + "/outlets/" + outletId + "/status", json,
                    utf8("{\"status\": " + status + ", \"reason\": \"test\"}"), admin));
        }
        for (String result : new String[] {"\"MAYBE\"", "1", "\"conforming \""}) {
            cases.add(new Case("finding result " + result, "PUT", "/api/audits/" + auditId + "/findings", json,
                    utf8("{\"findings\": [{\"siteId\": \"CENTRAL\", \"indicator\": \"SYS-ORG\", \"result\": "
                            + result + "}]}"), auditor));
        }

        // negative and absurd pages
        for (String paging : new String[] {"page=-1", "page=-2147483649", "page=abc", "page=1e3", "size=0",
            "size=-5", "size=100000", "size=99999999999999999999", "page=%2B1%2B", "size=1.5"}) {
            cases.add(new Case("outlets " + paging, "GET",
                    "/api/enterprises/" + enterpriseId + "/outlets?" + paging, null, null, admin));
            cases.add(new Case("public search " + paging, "GET", "/api/public/certificates?name=test&" + paging,
                    null, null, null));
        }

        // deep nesting and bodies that are not what the endpoint takes
        String deepArrays = "[".repeat(50_000);
        String deepObjects = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        for (String[] endpoint : new String[][] {{"POST", "/api/enterprises"}, {"POST",
            "/api/enterprises/" + enterpriseId + "/outlets"}, {"POST", "/api/audits"},
            {"PUT", "/api/audits/" + auditId + "/findings"}, {"POST", "/api/public/certificates/verify"}}) {
            Supplier<String> token = endpoint[1].contains("findings") ? auditor
                    : endpoint[1].contains("public") ? null : admin;
            cases.add(new Case("deep arrays " + endpoint[1], endpoint[0], endpoint[1], json, utf8(deepArrays), token));
            cases.add(new Case("deep objects " + endpoint[1], endpoint[0], endpoint[1], json, utf8(deepObjects),
                    token));
            cases.add(new Case("invalid UTF-8 body " + endpoint[1], endpoint[0], endpoint[1], json,
                    new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
                    token));
            cases.add(new Case("overlong UTF-8 body " + endpoint[1], endpoint[0], endpoint[1], json,
                    new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'}, token));
            cases.add(new Case("truncated JSON " + endpoint[1], endpoint[0], endpoint[1], json,
                    utf8("{\"name\": \"x"), token));
            cases.add(new Case("a number for a body " + endpoint[1], endpoint[0], endpoint[1], json,
                    utf8("42"), token));
        }

        // invalid UTF-8 and operators in query strings
        String[] badEncodings = {"%ff", "%c3%28", "%ed%a0%80", "%e2%82", "%f8%88%80%80%80"};
        String[][] queries = {{"/api/public/certificates?name=", null}, {"/api/public/certificates?uscc=", null},
            {"/api/enterprises?uscc=", "admin"}, {"/api/audits?enterpriseId=", "admin"},
            {"/api/certificates?enterpriseId=", "admin"}, {"/api/enterprises/" + enterpriseId + "/outlets?city=",
            "admin"}, {"/api/users?name=", "admin"}, {"/api/api-clients?name=", "admin"}};
        for (String[] query : queries) {
            for (String bad : badEncodings) {
                cases.add(new Case("bad encoding " + query[0] + bad, "GET", query[0] + bad, null, null,
                        query[1] == null ? null : admin));
            }
        }
        for (String[] operator : new String[][] {{"/api/public/certificates?uscc%5B%24ne%5D=x", null},
            {"/api/public/certificates?name%5B%24regex%5D=.*", null}, {"/api/public/certificates?%24where=1", null},
            {"/api/enterprises?uscc%5B%24ne%5D=x", "admin"}, {"/api/enterprises?uscc%5B%24gt%5D=", "admin"},
            {"/api/audits?enterpriseId%5B%24ne%5D=x", "admin"}, {"/api/audits?%24where=sleep(1000)", "admin"},
            {"/api/certificates?enterpriseId%5B%24gt%5D=", "admin"},
            {"/api/enterprises/" + enterpriseId + "/outlets?province%5B%24in%5D=41", "admin"},
            {"/api/enterprises/" + enterpriseId + "/outlets?%7B%22%24ne%22%3A1%7D=1", "admin"},
            {"/api/users?username%5B%24ne%5D=x", "admin"}, {"/api/api-clients?%24where=1", "admin"}}) {
            cases.add(new Case("operator in a parameter name " + operator[0], "GET", operator[0], null, null,
                    operator[1] == null ? null : admin));
        }

        // path traversal and encoded separators
        for (String path : new String[] {"/api/audits/..%2f..%2fetc%2fpasswd", "/api/enterprises/%2e%2e/outlets",
            "/api/certificates/..;/x", "/api/public/certificates/%2e%2e%2f%2e%2e%2factuator", "/api/audits/%2e",
            "/api/enterprises/" + enterpriseId + "/..%2f..%2fusers", "/api/public/certificates/..%5c..%5cwin.ini",
            "/api/audits/%252e%252e%252f"}) {
            cases.add(new Case("traversal " + path, "GET", path, null, null, path.contains("public") ? null : admin));
        }

        // oversize bodies
        byte[] twoMegabytes = utf8("{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        cases.add(new Case("2 MB enterprise", "POST", "/api/enterprises", json, twoMegabytes, admin));
        cases.add(new Case("2 MB outlet", "POST", "/api/enterprises/" + enterpriseId + "/outlets", json,
                twoMegabytes, admin));
        cases.add(new Case("2 MB audit plan", "POST", "/api/audits", json, twoMegabytes, admin));
        cases.add(new Case("2 MB person", "POST", "/api/users", json, twoMegabytes, admin));
        cases.add(new Case("a number for a password", "POST", "/api/users", json, utf8("{\"username\": "
                + "\"hostile.one\", \"password\": 123456789012, \"name\": \"x\", \"roles\": [\"AUDITOR\"]}"),
                admin));
        cases.add(new Case("2 MB verification", "POST", "/api/public/certificates/verify", json, twoMegabytes,
                null));
        cases.add(new Case("9 MB findings", "PUT", "/api/audits/" + auditId + "/findings", json,
                utf8("{\"findings\": [], \"x\": \"" + "y".repeat(9 * 1024 * 1024) + "\"}"), auditor));
        return cases;
    }

    private static String enterprise(String uscc, String field, String value) {
        String name = field.equals("name") ? value : "\"攻击测试企业\"";
        String usccValue = field.equals("uscc") ? value : "\"" + uscc + "\"";
        String region = field.equals("address.regionCode") ? value : "\"410105\"";
        String line = field.equals("address.line") ? value : "\"花园路 1 号\"";
        String address = field.equals("address") ? value : "{\"regionCode\": " + region + ", \"line\": " + line + "}";
        String contactName = field.equals("contact.name") ? value : "\"张伟\"";
        String phone = field.equals("contact.phone") ? value : "\"0371-65551234\"";
        String contact = field.equals("contact") ? value : "{\"name\": " + contactName + ", \"phone\": " + phone + "}";
        String categories = field.equals("productCategories") ? ", \"productCategories\": " + value : "";
        return "{\"name\": " + name + ", \"uscc\": " + usccValue + ", \"address\": " + address + ", \"contact\": "
                + contact + categories + "}";
    }

    private static String outlet(String field, String value) {
        String kind = field.equals("kind") ? value : "\"BRANCH\"";
        String days = field.equals("serviceHours.daysPerWeek") ? value : "7";
        String hours = field.equals("serviceHours.hoursPerDay") ? value : "10";
        String response = field.equals("commitments.responseHours") ? value : "2";
        String onSite = field.equals("commitments.onSiteHours") ? value : "4";
        String resolution = field.equals("commitments.resolutionHours") ? value : "24";
        return "{\"name\": \"攻击测试网点\", \"kind\": " + kind + ", \"address\": {\"regionCode\": \"410102\", "
                + "\"line\": \"测试路 1 号\"}, \"contact\": {\"name\": \"经理\", \"phone\": \"13912345678\"}, "
                + "\"serviceHours\": {\"daysPerWeek\": " + days + ", \"hoursPerDay\": " + hours + "}, "
                + "\"commitments\": {\"responseHours\": " + response + ", \"onSiteHours\": " + onSite
                + ", \"resolutionHours\": " + resolution + "}}";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
