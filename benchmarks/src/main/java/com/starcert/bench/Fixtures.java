package com.starcert.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

import com.starcert.infra.AuditWorksheet;
import com.starcert.infra.Demo;
import com.starcert.infra.SuiteClient;

/** Enterprises, outlets and audits made through the gateway, as the CB's admin and auditor would. */
final class Fixtures {

    /** An initial audit with every finding recorded, ready to submit. */
    record ReadyAudit(String auditId, String enterpriseId) {
    }

    private final SuiteClient admin;
    private final SuiteClient auditor;

    Fixtures(SuiteClient admin, SuiteClient auditor) {
        this.admin = admin;
        this.auditor = auditor;
    }

    String enterprise(String name) {
        return admin.post("/api/enterprises", Map.of("name", name, "uscc", Demo.randomUscc("410100"),
                "address", Map.of("regionCode", "410105", "line", "郑州市金水区花园路 1 号"),
                "contact", Map.of("name", "张伟", "phone", "0371-65551234"))).expect(201).text("id");
    }

    void outlet(String enterpriseId, int n) {
        admin.post("/api/enterprises/" + enterpriseId + "/outlets", Map.of("name", "郑州网点 " + n, "kind", "BRANCH",
                "address", Map.of("regionCode", "410102", "line", "郑州网点 " + n + " 号"),
                "contact", Map.of("name", "服务经理", "phone", "13912345678"),
                "serviceHours", Map.of("daysPerWeek", 7, "hoursPerDay", 10),
                "commitments", Map.of("responseHours", 2, "onSiteHours", 4, "resolutionHours", 24))).expect(201);
    }

    void awaitScope(String enterpriseId, int activeOutlets, Duration timeout) {
        admin.await("/api/enterprises/" + enterpriseId + "/audit-scope",
                r -> r.status() == 200 && r.body().path("activeOutlets").asInt() == activeOutlets, timeout);
    }

    /** An enterprise with its central function and three outlets, audited initially, every finding recorded. */
    ReadyAudit readyAudit(int n) {
        String enterpriseId = enterprise("基准服务有限公司 " + n);
        for (int o = 1; o <= 3; o++) {
            outlet(enterpriseId, o);
        }
        awaitScope(enterpriseId, 3, Duration.ofMinutes(3));
        JsonNode audit = admin.post("/api/audits", Map.of("enterpriseId", enterpriseId, "type", "INITIAL",
                "team", Map.of("leadAuditor", "starcert-auditor", "members", List.of()))).expect(201).body();
        String auditId = audit.path("id").asString();
        AuditWorksheet sheet = new AuditWorksheet(audit);
        for (String site : sheet.siteIds()) {
            auditor.put("/api/audits/" + auditId + "/findings", sheet.siteBody(site)).expect(200);
        }
        return new ReadyAudit(auditId, enterpriseId);
    }

    List<ReadyAudit> readyAudits(int count, int parallel) {
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<ReadyAudit>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                made.add(threads.submit(() -> readyAudit(n)));
            }
            List<ReadyAudit> audits = new ArrayList<>();
            for (Future<ReadyAudit> audit : made) {
                audits.add(audit.get());
            }
            return audits;
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the audits: " + e.getMessage(), e);
        } finally {
            threads.shutdownNow();
        }
    }
}
