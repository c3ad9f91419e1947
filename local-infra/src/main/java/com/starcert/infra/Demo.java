package com.starcert.infra;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./starcert demo}: a certification body takes one sample enterprise from registration to a certificate
 * through the gateway — outlets in several provinces, an initial audit, findings site by site, submission — and
 * prints the score card and the certificate. Each step is done by the role that may do it, with that role's access
 * token from the local {@code credentials.json}: the CB admin registers and plans, the auditor named on the team
 * records and submits. Each run registers a new enterprise (a fresh valid USCC).
 */
public final class Demo {

    private static final String USCC_SYMBOLS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    static final String ADMIN_CLIENT = "starcert-admin";
    static final String AUDITOR_CLIENT = "starcert-auditor";

    private final SuiteClient api;
    private final SuiteClient auditor;
    private final PrintStream out;

    public Demo(SuiteClient anonymous, Credentials credentials, PrintStream out) {
        this.api = anonymous.as(Tokens.forClient(credentials, ADMIN_CLIENT));
        this.auditor = anonymous.as(Tokens.forClient(credentials, AUDITOR_CLIENT));
        this.out = out;
    }

    public boolean run() {
        try {
            journey();
            return true;
        } catch (IllegalStateException e) {
            out.println("Demo stopped: " + e.getMessage());
            return false;
        }
    }

    private void journey() {
        String uscc = randomUscc("310000");
        String enterpriseId = api.post("/api/enterprises", Map.of(
                "name", "华东家电售后服务有限公司 East China Appliance Service Co.",
                "uscc", uscc,
                "address", Map.of("regionCode", "310115", "line", "上海市浦东新区张江路 88 号"),
                "contact", Map.of("name", "王敏", "phone", "021-58881234"))).expect(201).text("id");
        out.println("1. Registered enterprise " + enterpriseId + " (USCC " + uscc + ")");

        List<Map<String, Object>> outlets = List.of(
                outlet("上海总部 Headquarters", "HEADQUARTERS", "310115", "张江路 88 号", 1, 4, 24),
                outlet("郑州网点 Zhengzhou", "BRANCH", "410105", "金水区花园路 12 号", 2, 4, 24),
                outlet("洛阳网点 Luoyang", "PARTNER", "410302", "老城区中州东路 7 号", 2, 8, 48),
                outlet("广州网点 Guangzhou", "BRANCH", "440106", "天河区体育西路 101 号", 1, 4, 24),
                outlet("杭州网点 Hangzhou", "BRANCH", "330106", "西湖区文三路 50 号", 2, 4, 24),
                outlet("成都网点 Chengdu", "PARTNER", "510104", "锦江区春熙路 9 号", 2, 24, 48),
                outlet("南京网点 Nanjing", "BRANCH", "320102", "玄武区中山路 18 号", 1, 4, 24),
                outlet("武汉网点 Wuhan", "PARTNER", "420106", "武昌区中南路 3 号", 2, 8, 48));
        for (Map<String, Object> outlet : outlets) {
            api.post("/api/enterprises/" + enterpriseId + "/outlets", outlet).expect(201);
        }
        out.println("2. Registered " + outlets.size() + " outlets (headquarters + 7 in 6 provinces)");

        JsonNode scope = api.await("/api/enterprises/" + enterpriseId + "/audit-scope",
                r -> r.status() == 200 && r.body().path("activeOutlets").asInt() == outlets.size() - 1,
                Duration.ofSeconds(60)).body();
        out.println("3. audit-service learned the network from outlet.changed: n = " + scope.path("activeOutlets")
                + ", sample sizes " + scope.path("sampleSizes"));

        JsonNode audit = api.post("/api/audits", Map.of("enterpriseId", enterpriseId, "type", "INITIAL",
                        "team", Map.of("leadAuditor", AUDITOR_CLIENT, "members", List.of())))
                .expect(201).body();
        String auditId = audit.path("id").asString();
        out.println("4. " + ADMIN_CLIENT + " planned initial audit " + auditId + " for lead auditor " + AUDITOR_CLIENT
                + ": sample " + audit.path("sampleSize") + " of " + audit.path("sampleBase") + ", seed "
                + audit.path("randomSeed"));
        for (JsonNode site : audit.path("sites")) {
            out.printf("     %-8s %-7s %-28s %s%n", site.path("siteId").asString(), site.path("selection").asString(),
                    site.path("name").asString(), site.path("reason").asString(""));
        }

        AuditWorksheet sheet = new AuditWorksheet(audit);
        List<String> outletSites = sheet.siteIds().stream().filter(s -> !s.equals("CENTRAL")).toList();
        sheet.nonconforming("CENTRAL", "SYS-IMP", "no management review of complaint trends in the last 12 months");
        if (!outletSites.isEmpty()) {
            sheet.sampled(outletSites.get(0), "PRD-REP", 20, 3, "3 of 20 repair records lack the customer's sign-off");
        }
        for (String siteId : sheet.siteIds()) {
            auditor.put("/api/audits/" + auditId + "/findings", sheet.siteBody(siteId)).expect(200);
        }
        Map<String, Object> closing = new LinkedHashMap<>();
        closing.put("exclusions", List.of(Map.of("indicator", "PRD-RCY",
                "justification", "the enterprise services but does not sell products; no end-of-life take-back applies")));
        closing.put("bonus", Map.of("description", "24/7 bilingual hotline with a 98% first-call resolution rate"));
        auditor.put("/api/audits/" + auditId + "/findings", closing).expect(200);
        out.println("5. " + AUDITOR_CLIENT + " recorded findings site by site (" + sheet.siteIds().size()
                + " sites), one exclusion, one bonus");

        auditor.post("/api/audits/" + auditId + "/submit", Map.of()).expect(202);
        out.println("6. Submitted; waiting for audit.submitted → score.computed → certificate.issued …");
        JsonNode decided = api.await("/api/audits/" + auditId,
                r -> "DECIDED".equals(r.text("status")), Duration.ofSeconds(90)).body();

        JsonNode score = api.get("/api/scores/" + auditId).expect(200).body();
        out.println("7. Score " + score.path("score") + " → band " + score.path("band").asString());
        for (JsonNode indicator : score.path("indicators")) {
            out.printf("     %-9s %5s of %-3s %s%n", indicator.path("indicator").asString(),
                    indicator.path("earned").asString(), indicator.path("points").asString(),
                    indicator.path("applicable").asBoolean() ? "" : "(excluded)");
        }
        JsonNode certificates = api.get("/api/certificates?enterpriseId=" + enterpriseId).expect(200).body();
        if (certificates.isArray() && !certificates.isEmpty()) {
            JsonNode c = certificates.get(0);
            out.println("8. Certificate " + c.path("number").asString() + ": " + c.path("level").asString() + ", "
                    + c.path("status").asString() + ", valid " + c.path("validFrom").asString() + " – "
                    + c.path("validUntil").asString() + " (first certificates are capped at COMPLIANT)");
            out.println("   Check it (public, no token): curl " + api.baseUrl() + "/api/public/certificates/"
                    + c.path("number").asString());
        } else {
            out.println("8. No certificate: " + decided.path("decision"));
        }
    }

    private static Map<String, Object> outlet(String name, String kind, String region, String line,
                                              int response, int onSite, int resolution) {
        return Map.of("name", name, "kind", kind,
                "address", Map.of("regionCode", region, "line", line),
                "contact", Map.of("name", "服务经理", "phone", "13800138000"),
                "serviceHours", Map.of("daysPerWeek", 7, "hoursPerDay", 12),
                "commitments", Map.of("responseHours", response, "onSiteHours", onSite, "resolutionHours", resolution));
    }

    /** A valid Unified Social Credit Code (GB 32100-2015) for a made-up legal person registered in {@code region}. */
    public static String randomUscc(String region) {
        SecureRandom random = new SecureRandom();
        StringBuilder code = new StringBuilder("91").append(region);
        while (code.length() < 16) {
            code.append(USCC_SYMBOLS.charAt(random.nextInt(USCC_SYMBOLS.length())));
        }
        // characters 9–17 are an organisation code (GB 11714) with its own check character
        int organisationSum = 0;
        for (int i = 0; i < 8; i++) {
            organisationSum += Character.digit(code.charAt(8 + i), 36) * ORGANISATION_WEIGHTS[i];
        }
        int organisationCheck = 11 - organisationSum % 11;
        code.append(organisationCheck == 10 ? 'X' : organisationCheck == 11 ? '0' : (char) ('0' + organisationCheck));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_SYMBOLS.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.append(USCC_SYMBOLS.charAt(check)).toString();
    }
}
