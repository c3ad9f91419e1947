package com.starcert.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.starcert.contracts.Scheme;

/**
 * Operator settings of audit-service ({@code starcert.audit.*}).
 *
 * @param schemeId      the scoring scheme new audits pin (default GB/T 27922-2011 default allocation)
 * @param schemeVersion its version; already planned audits keep the version they pinned
 */
@ConfigurationProperties("starcert.audit")
public record AuditSettings(String schemeId, Integer schemeVersion) {

    public AuditSettings {
        schemeId = schemeId == null || schemeId.isBlank() ? Scheme.DEFAULT_ID : schemeId;
        schemeVersion = schemeVersion == null ? Scheme.DEFAULT_VERSION : schemeVersion;
    }
}
