package com.starcert.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token bucket in front of {@code /api/public/**} ({@code starcert.gateway.public-rate-limit.*}).
 *
 * @param requestsPerSecond steady rate one client address may keep up (20; fractions allowed, 0.5 = one every 2 s)
 * @param burst             requests it may make at once before that rate applies (40)
 * @param maxClients        buckets kept in memory at most; the least recently seen addresses are forgotten first
 *                          (a forgotten bucket starts full again), so a flood of addresses cannot exhaust memory
 *                          (100000)
 * @param scopes            higher limits for callers whose valid access token carries a scope, e.g. INTEGRATOR
 *                          clients with {@code verify:bulk}; counted per token subject rather than per address.
 *                          Empty by default: every caller gets the address limit.
 */
@ConfigurationProperties("starcert.gateway.public-rate-limit")
public record PublicRateLimitSettings(Double requestsPerSecond, Integer burst, Integer maxClients,
                                      Map<String, Limit> scopes) {

    public PublicRateLimitSettings {
        requestsPerSecond = requestsPerSecond == null ? 20.0 : requestsPerSecond;
        burst = burst == null ? 40 : burst;
        maxClients = maxClients == null ? 100_000 : maxClients;
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
        new Limit(requestsPerSecond, burst); // same checks as every scope's limit
        if (maxClients < 1) {
            throw new IllegalArgumentException("starcert.gateway.public-rate-limit.max-clients must be at least 1");
        }
    }

    /** The limit without a lifting scope. */
    public Limit addressLimit() {
        return new Limit(requestsPerSecond, burst);
    }

    /** One token bucket: refilled at {@code requestsPerSecond}, holding at most {@code burst}. */
    public record Limit(double requestsPerSecond, int burst) {
        public Limit {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond) || burst < 1) {
                throw new IllegalArgumentException(
                        "a public rate limit needs requests-per-second above 0 and a burst of at least 1");
            }
        }

        /** How long one token takes to come back (Bucket4j refills whole tokens; this keeps fractional rates). */
        Duration perToken() {
            return Duration.ofNanos(Math.max(1, Math.round(1_000_000_000 / requestsPerSecond)));
        }

        /** "20" rather than "20.0" in answers. */
        String rate() {
            return requestsPerSecond == Math.rint(requestsPerSecond) ? String.valueOf((long) requestsPerSecond)
                    : String.valueOf(requestsPerSecond);
        }
    }
}
