package com.starcert.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import com.starcert.contracts.Scheme;

/**
 * Operator settings of audit-service ({@code starcert.audit.*}).
 *
 * @param schemeId                  the scoring scheme new audits pin (default GB/T 27922-2011 default allocation)
 * @param schemeVersion             its lowest version: new audits pin the latest version known (classpath or
 *                                  {@code scheme.published}) that is at least this one; planned audits keep theirs
 * @param correctiveActionDays      days the enterprise has for a corrective action opened at submission (30)
 * @param attachmentMaxSize         largest evidence file accepted (10MB); keep
 *                                  {@code spring.servlet.multipart.max-file-size} at least as large
 * @param surveillanceIntervalMonths months from the decision to the first surveillance, and between the two (12)
 * @param recertificationLeadMonths months before expiry the recertification is due (the enterprise applies; 3)
 * @param submissionPartSize        the largest AuditSubmitted event (1MB); a larger submission is sent in parts of
 *                                  at most this size, so that no audit is too large for the broker. Keep it at most
 *                                  {@code starcert.messaging.max-event-size} and the topic's {@code max.message.bytes}
 */
@ConfigurationProperties("starcert.audit")
public record AuditSettings(String schemeId, Integer schemeVersion, Integer correctiveActionDays,
                            DataSize attachmentMaxSize, Integer surveillanceIntervalMonths,
                            Integer recertificationLeadMonths, DataSize submissionPartSize) {

    public AuditSettings {
        schemeId = schemeId == null || schemeId.isBlank() ? Scheme.DEFAULT_ID : schemeId;
        schemeVersion = schemeVersion == null ? Scheme.DEFAULT_VERSION : schemeVersion;
        correctiveActionDays = correctiveActionDays == null ? 30 : correctiveActionDays;
        attachmentMaxSize = attachmentMaxSize == null ? DataSize.ofMegabytes(10) : attachmentMaxSize;
        surveillanceIntervalMonths = surveillanceIntervalMonths == null ? 12 : surveillanceIntervalMonths;
        recertificationLeadMonths = recertificationLeadMonths == null ? 3 : recertificationLeadMonths;
        submissionPartSize = submissionPartSize == null ? DataSize.ofMegabytes(1) : submissionPartSize;
    }

    /** Defaults everywhere (for tests and tools). */
    public static AuditSettings defaults() {
        return new AuditSettings(null, null, null, null, null, null, null);
    }
}
