package com.starcert.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own edge settings ({@code starcert.gateway.*}; the service addresses there are read by the routes in
 * {@code application.yml}). Every default is applied here so that an empty configuration is a safe local one.
 *
 * @param trustedProxies  IPs or CIDRs of proxies in front of the gateway (load balancer, TLS terminator) whose
 *                        {@code X-Forwarded-*} headers are believed; empty by default, so a client's own
 *                        {@code X-Forwarded-For} can never choose its rate-limit bucket
 * @param identityHeaders request headers that name an identity, removed from every request before routing: only
 *                        the access token says who calls. A trailing {@code *} matches a prefix.
 */
@ConfigurationProperties("starcert.gateway")
public record GatewaySettings(List<String> trustedProxies, List<String> identityHeaders) {

    /**
     * Used only when the setting is missing altogether; {@code application.yml} lists the full set (proxies,
     * identity-aware load balancers and older clients each have their own names).
     */
    static final List<String> CORE_IDENTITY_HEADERS = List.of("X-StarCert-*", "X-User", "X-Forwarded-User",
            "X-Remote-User", "Remote-User", "X-Auth-Request-User");

    public GatewaySettings {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        identityHeaders = identityHeaders == null || identityHeaders.isEmpty() ? CORE_IDENTITY_HEADERS
                : identityHeaders.stream().filter(h -> h != null && !h.isBlank()).map(String::trim).toList();
    }
}
