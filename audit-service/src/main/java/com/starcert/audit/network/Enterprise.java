package com.starcert.audit.network;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** audit-service's own copy of an enterprise (认证申请人), fed by {@code enterprise.changed}. */
@Document("enterprises")
public record Enterprise(
        @Id String enterpriseId,
        String name,
        String uscc,
        String regionCode,
        String addressLine,
        long version) {
}
