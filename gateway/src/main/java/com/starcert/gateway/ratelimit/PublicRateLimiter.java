package com.starcert.gateway.ratelimit;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import com.starcert.gateway.ratelimit.PublicRateLimitSettings.Limit;

/**
 * Token buckets in memory, one per client address (or per token subject for a scope with its own limit), in a
 * Caffeine cache bounded by {@code max-clients}. A bucket left alone long enough to refill completely is the same
 * as a new one, so buckets expire after that time and forgetting them loses nothing.
 *
 * <p>Each gateway instance counts on its own; behind a load balancer spreading clients over n instances the
 * effective limit is up to n times the setting.
 */
@Component
class PublicRateLimiter {

    /** Whose bucket a request draws from, and the limit that bucket has. */
    record Tier(String key, Limit limit, String scope) {
    }

    /** The outcome of one attempt: consumed, or refused with the seconds until a token is back. */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    private final PublicRateLimitSettings settings;
    private final Cache<String, Bucket> buckets;

    PublicRateLimiter(PublicRateLimitSettings settings) {
        this.settings = settings;
        long longestRefill = settings.scopes().values().stream().mapToLong(PublicRateLimiter::refillMillis)
                .reduce(refillMillis(settings.addressLimit()), Math::max);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(Duration.ofMillis(longestRefill + 1000))
                .build();
    }

    /**
     * The tier of a caller: the highest scope limit its token grants (counted per subject), else the address limit.
     * This is the hook for integrator limits: a scope in {@code public-rate-limit.scopes} lifts the limit.
     */
    Tier tier(String clientAddressKey, Optional<String> subject, Set<String> scopes) {
        if (subject.isPresent() && !settings.scopes().isEmpty()) {
            Optional<Map.Entry<String, Limit>> best = settings.scopes().entrySet().stream()
                    .filter(e -> scopes.contains(e.getKey()))
                    .max(Comparator.comparingDouble((Map.Entry<String, Limit> e) -> e.getValue().requestsPerSecond())
                            .thenComparingInt(e -> e.getValue().burst()));
            if (best.isPresent()) {
                String scope = best.get().getKey();
                return new Tier("scope " + scope + " sub " + subject.get(), best.get().getValue(), scope);
            }
        }
        return new Tier("address " + clientAddressKey, settings.addressLimit(), null);
    }

    Decision tryAcquire(Tier tier) {
        Bucket bucket = buckets.get(tier.key() + " " + tier.limit(), key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(tier.limit().burst())
                        .refillGreedy(1, tier.limit().perToken()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, 0, seconds);
    }

    private static long refillMillis(Limit limit) {
        return (long) Math.ceil(1000.0 * limit.burst() / limit.requestsPerSecond());
    }
}
