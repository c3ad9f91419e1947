package com.starcert.audit.findings;

import java.util.List;

/**
 * Body of {@code PUT /api/audits/{id}/findings}. Enumerations arrive as text so that every bad item is reported
 * at once. {@code exclusions}, {@code specialDeductions} and {@code bonus} left out (null) keep what is stored;
 * {@code "bonus": null} given explicitly removes a recorded bonus. {@code bonus} is read as a JSON node because
 * only a node tells a left-out field (Java null) from an explicit {@code null} (a null node); its shape is
 * {@code {"description": "…"}}, checked by {@link FindingsRules}.
 */
public record FindingsRequest(
        List<FindingInput> findings,
        List<ExclusionInput> exclusions,
        List<DeductionInput> specialDeductions,
        tools.jackson.databind.JsonNode bonus) {

    /** {@code evidence}: the auditor's evidence note (optional). */
    public record FindingInput(String siteId, String indicator, String result, String reason,
                               Integer samplesChecked, Integer samplesNonconforming, String evidence) {

        public FindingInput(String siteId, String indicator, String result, String reason,
                            Integer samplesChecked, Integer samplesNonconforming) {
            this(siteId, indicator, result, reason, samplesChecked, samplesNonconforming, null);
        }
    }

    public record ExclusionInput(String indicator, String justification) {
    }

    public record DeductionInput(String category, String description) {
    }
}
