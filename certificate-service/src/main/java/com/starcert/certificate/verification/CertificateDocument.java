package com.starcert.certificate.verification;

import java.util.List;

import com.starcert.certificate.register.Certificate;

/**
 * The public fields of a certificate revision (docs/domain.md §5: holder, standard, scheme, level, scope, locations,
 * validity), exactly what the JWS signs. Status is deliberately not signed: it changes without a new issue, and the
 * verification endpoint reports the live status instead. Scores and findings are never public.
 */
public record CertificateDocument(
        String number,
        int revision,
        String displayNumber,
        Holder holder,
        String standard,
        Scheme scheme,
        String level,
        String scope,
        List<Site> sites,
        String validFrom,
        String validUntil,
        String certificationBody) {

    public static final String STANDARD = "GB/T 27922-2011";

    public CertificateDocument {
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    public record Holder(String name, String uscc) {
    }

    public record Scheme(String id, int version) {
    }

    /** A covered site (central function first) with its address. */
    public record Site(String name, boolean central, String regionCode, String addressLine) {
    }

    public static CertificateDocument of(Certificate c, String scope) {
        return new CertificateDocument(c.number(), c.revision(), c.displayNumber(),
                c.holder() == null ? null : new Holder(c.holder().name(), c.holder().uscc()), STANDARD,
                c.scheme() == null ? null : new Scheme(c.scheme().id(), c.scheme().version()),
                c.level() == null ? null : c.level().name(), scope,
                c.sites().stream().map(s -> new Site(s.name(), s.central(), s.regionCode(), s.addressLine())).toList(),
                c.validFrom() == null ? null : c.validFrom().toString(),
                c.validUntil() == null ? null : c.validUntil().toString(), c.certificationBody());
    }
}
