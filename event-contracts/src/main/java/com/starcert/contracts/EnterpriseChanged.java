package com.starcert.contracts;

/**
 * An enterprise (the certificate applicant) was registered or its profile changed.
 * {@code version} grows with every change so consumers can ignore stale or replayed events.
 */
public record EnterpriseChanged(
        String enterpriseId,
        Change change,
        long version,
        String name,
        String uscc,
        String regionCode,
        String addressLine) implements IntegrationEvent {

    public enum Change { REGISTERED, UPDATED }

    @Override
    public String subject() {
        return enterpriseId;
    }
}
