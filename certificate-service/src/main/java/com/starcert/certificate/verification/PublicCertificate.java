package com.starcert.certificate.verification;

import java.util.List;

import com.starcert.certificate.register.Certificate;

/**
 * What anyone may read about a certificate without logging in: the signed public fields, the live status and the
 * signature, so the body of this response can be posted back to {@code /api/public/certificates/verify} as it is.
 */
public record PublicCertificate(
        String number,
        int revision,
        String displayNumber,
        String status,
        CertificateDocument.Holder holder,
        String standard,
        CertificateDocument.Scheme scheme,
        String level,
        String scope,
        List<CertificateDocument.Site> sites,
        String validFrom,
        String validUntil,
        String certificationBody,
        String supersededBy,
        Boolean authentic,
        int currentRevision,
        boolean isCurrentRevision,
        boolean valid,
        String signature) {

    /** The register's current revision as of {@code today}; {@code authentic} is null: nothing was submitted. */
    static PublicCertificate of(Certificate c, String scope, java.time.LocalDate today) {
        CertificateDocument d = CertificateDocument.of(c, scope);
        return new PublicCertificate(d.number(), d.revision(), d.displayNumber(), c.status().name(), d.holder(),
                d.standard(), d.scheme(), d.level(), d.scope(), d.sites(), d.validFrom(), d.validUntil(),
                d.certificationBody(), c.supersededBy(), null, c.revision(), true, c.validOn(today),
                c.signature());
    }
}
