package com.starcert.certificate.decision;

import java.time.LocalDate;

import com.starcert.contracts.Band;

/** The enterprise's certificate in force (ACTIVE or SUSPENDED) that an audit is decided against. */
public record CurrentCertificate(String number, CertificateStatus status, Band level, LocalDate validFrom,
                                 LocalDate validUntil) {

    public boolean active() {
        return status == CertificateStatus.ACTIVE;
    }
}
