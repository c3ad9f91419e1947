package com.starcert.certificate;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings ({@code starcert.certificate.*}).
 *
 * @param zone      the zone in which a decision instant becomes a calendar date: the certificate's validity dates
 *                  and the year in its number follow the CB's local calendar, not UTC
 * @param bodyName  the certification body (认证机构) printed on every certificate
 * @param scope     the certified scope printed (and signed) on every certificate
 * @param signing   the CB's signing key
 * @param lifecycle the lifecycle sweep
 * @param publicMaxAge how long a public certificate answer may be kept by the gateway, proxies and browsers
 *                  ({@code Cache-Control: max-age}); at most 10 s, so a suspension or withdrawal shows publicly
 *                  within that time
 */
@ConfigurationProperties("starcert.certificate")
public record CertificateSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("StarCert Certification") String bodyName,
        @DefaultValue("商品售后服务 after-sales service of goods (GB/T 27922-2011)") String scope,
        @DefaultValue Signing signing,
        @DefaultValue Lifecycle lifecycle,
        @DefaultValue("10s") Duration publicMaxAge) {

    /** The longest a public answer may be cached: a suspension or withdrawal must show within it. */
    public static final Duration PUBLIC_MAX_AGE_LIMIT = Duration.ofSeconds(10);

    public CertificateSettings {
        if (publicMaxAge != null && (publicMaxAge.isNegative() || publicMaxAge.compareTo(PUBLIC_MAX_AGE_LIMIT) > 0)) {
            throw new IllegalArgumentException("starcert.certificate.public-max-age must be between 0s and 10s "
                    + "(a suspension or withdrawal must show publicly within it), not " + publicMaxAge);
        }
    }

    /**
     * @param keyFile a file holding the CB's EC P-256 private key as a JWK (JSON) or PEM; when unset the service
     *                generates one on first start and keeps it in its database (shared by all instances)
     */
    public record Signing(String keyFile) {
    }

    /**
     * @param sweepInterval how often the lifecycle sweep runs (overdue surveillance, 6-month suspensions, expiry)
     * @param sweepBatch    how many certificates one sweep pass reads at a time
     */
    public record Lifecycle(@DefaultValue("5m") Duration sweepInterval, @DefaultValue("200") int sweepBatch) {
    }
}
