package com.starcert.certificate;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings ({@code starcert.certificate.*}).
 *
 * @param zone     the zone in which a decision instant becomes a calendar date: the certificate's validity dates
 *                 and the year in its number follow the CB's local calendar, not UTC
 * @param bodyName the certification body (认证机构) printed on every certificate
 */
@ConfigurationProperties("starcert.certificate")
public record CertificateSettings(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("StarCert Certification") String bodyName) {
}
