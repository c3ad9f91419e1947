package com.starcert.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.starcert.contracts.Scheme;
import tools.jackson.databind.JsonNode;

/**
 * An auditor's worksheet for a planned audit (as returned by {@code POST /api/audits}): every (site, indicator)
 * to assess under the pinned scheme, filled with conforming findings unless told otherwise.
 */
public final class AuditWorksheet {

    private final Map<String, Map<String, Object>> findings = new LinkedHashMap<>();
    private final Scheme scheme;

    public AuditWorksheet(JsonNode audit) {
        JsonNode ref = audit.path("scheme");
        this.scheme = Scheme.load(ref.path("id").asString(Scheme.DEFAULT_ID), ref.path("version").asInt(Scheme.DEFAULT_VERSION));
        JsonNode sites = audit.path("sites");
        boolean centralOnly = sites.size() == 1;
        for (JsonNode site : sites) {
            boolean central = site.path("central").asBoolean();
            for (Scheme.Indicator indicator : scheme.indicators()) {
                if (Scheme.assessedAt(indicator, central, centralOnly)) {
                    Map<String, Object> finding = new LinkedHashMap<>();
                    finding.put("siteId", site.path("siteId").asString());
                    finding.put("indicator", indicator.code());
                    finding.put("result", "CONFORMING");
                    finding.put("reason", null);
                    finding.put("samplesChecked", indicator.sampled() ? 10 : null);
                    finding.put("samplesNonconforming", indicator.sampled() ? 0 : null);
                    findings.put(site.path("siteId").asString() + "/" + indicator.code(), finding);
                }
            }
        }
    }

    /** A qualitative nonconformity: the indicator loses all its points at that site. */
    public AuditWorksheet nonconforming(String siteId, String indicator, String reason) {
        Map<String, Object> f = finding(siteId, indicator);
        f.put("result", "NONCONFORMING");
        f.put("reason", reason);
        return this;
    }

    /** A sampled indicator with some nonconforming samples (proportional deduction). */
    public AuditWorksheet sampled(String siteId, String indicator, int checked, int nonconforming, String reason) {
        Map<String, Object> f = finding(siteId, indicator);
        f.put("result", nonconforming == 0 ? "CONFORMING" : "NONCONFORMING");
        f.put("reason", reason);
        f.put("samplesChecked", checked);
        f.put("samplesNonconforming", nonconforming);
        return this;
    }

    /** The findings of one site, as the body of {@code PUT /api/audits/{id}/findings}. */
    public Map<String, Object> siteBody(String siteId) {
        List<Map<String, Object>> list = new ArrayList<>();
        findings.values().stream().filter(f -> siteId.equals(f.get("siteId"))).forEach(list::add);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("findings", list);
        return body;
    }

    public List<String> siteIds() {
        return findings.values().stream().map(f -> (String) f.get("siteId")).distinct().toList();
    }

    public Scheme scheme() {
        return scheme;
    }

    private Map<String, Object> finding(String siteId, String indicator) {
        Map<String, Object> f = findings.get(siteId + "/" + indicator);
        if (f == null) {
            throw new IllegalArgumentException(indicator + " is not assessed at " + siteId);
        }
        return f;
    }
}
