package com.starcert.certificate.decision;

/** IAF CertSearch vocabulary, docs/domain.md §5. */
public enum CertificateStatus {
    /** 有效 */
    ACTIVE,
    /** 暂停: temporarily invalid, normally at most 6 months, then withdrawn unless restored. */
    SUSPENDED,
    /** 撤销: final. */
    WITHDRAWN,
    /** 过期: its validity ended, or a recertification replaced it (then {@code supersededBy} names the successor). */
    EXPIRED,
    /** 注销: given up at the holder's request. */
    CANCELLED
}
