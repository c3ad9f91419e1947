package com.starcert.outlet.enterprise;

/** Registration status of an enterprise, changed by a profile update ({@code PUT /api/enterprises/{id}}). */
public enum EnterpriseStatus {
    /** 在业: operating; may apply for certification. */
    ACTIVE,
    /** 注销: deregistered or no longer operating; kept so its audits and certificates stay traceable. */
    DEREGISTERED
}
