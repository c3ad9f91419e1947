package com.starcert.contracts;

import java.util.List;

/** Topic names are part of the public contract: real Kafka clients outside StarCert read them. */
public final class Topics {
    public static final String ENTERPRISE_CHANGED = "enterprise.changed";
    public static final String OUTLET_CHANGED = "outlet.changed";
    public static final String AUDIT_SUBMITTED = "audit.submitted";
    public static final String AUDIT_RETURNED = "audit.returned";
    public static final String SCORE_COMPUTED = "score.computed";
    public static final String CERTIFICATE_ISSUED = "certificate.issued";
    public static final String CERTIFICATE_REFUSED = "certificate.refused";
    public static final String CORRECTIVE_ACTIONS_VERIFIED = "audit.corrective-actions-verified";
    public static final String CERTIFICATE_STATUS_CHANGED = "certificate.status-changed";
    public static final String SCHEME_PUBLISHED = "scheme.published";

    /** Suffix of the dead-letter topic that receives what a consumer of {@code <topic>} could not handle. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(ENTERPRISE_CHANGED, OUTLET_CHANGED, AUDIT_SUBMITTED,
            AUDIT_RETURNED, SCORE_COMPUTED, CERTIFICATE_ISSUED, CERTIFICATE_REFUSED, CORRECTIVE_ACTIONS_VERIFIED,
            CERTIFICATE_STATUS_CHANGED, SCHEME_PUBLISHED);

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
