package com.starcert.certificate.decision;

import java.time.LocalDate;

import com.starcert.contracts.Band;

/**
 * The enterprise's certificate in force (ACTIVE or SUSPENDED) that an audit is decided against.
 *
 * @param certifiedSince since when the enterprise has held a certificate without interruption (a recertification
 *                       carries it over); the one-year rule for star levels counts from here
 */
public record CurrentCertificate(String number, CertificateStatus status, Band level, LocalDate validFrom,
                                 LocalDate validUntil, LocalDate certifiedSince) {

    public CurrentCertificate {
        if (certifiedSince == null) {
            certifiedSince = validFrom;
        }
    }

    public CurrentCertificate(String number, CertificateStatus status, Band level, LocalDate validFrom,
                              LocalDate validUntil) {
        this(number, status, level, validFrom, validUntil, validFrom);
    }

    public boolean active() {
        return status == CertificateStatus.ACTIVE;
    }

    /** Certified for at least a year on {@code date}: star levels may be granted without an outstanding audit. */
    public boolean heldAYearOn(LocalDate date) {
        return certifiedSince != null && !certifiedSince.isAfter(date.minusYears(1));
    }
}
