package com.starcert.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Access tokens the gateway has already verified, so a client that sends the same token again (every client does,
 * until it expires) is not checked again with an RSA signature verification and a full claim validation — the
 * gateway's half of the cost of security on every request (the services keep their own memory).
 *
 * <p>The key is the whole compact token, signature included: a token that differs in one character is a
 * different key and goes through the full check. An entry lives until the token's {@code exp} and never longer
 * than {@code maxAge}, so a signing key withdrawn from the JWK set stops being honoured within {@code maxAge}; a
 * token without {@code exp} and a refused token are not remembered.
 *
 * <p>It also makes a key set that cannot be fetched a failure to check the token (Spring Security's reactive
 * decoder signals it as an {@link IllegalStateException}, which would be a 500): as a {@link JwtException} that is
 * not a {@code BadJwtException} it becomes an authentication service failure, answered 503 by
 * {@link ProblemSecurityHandlers}.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    VerifiedTokens(ReactiveJwtDecoder delegate, long maximumSize, Duration maxAge) {
        this(delegate, maximumSize, maxAge, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokens(ReactiveJwtDecoder delegate, long maximumSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).ticker(ticker)
                .expireAfter(Expiry.writing((String token, Jwt jwt) -> lifetime(jwt, maxAge))).build();
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return delegate.decode(token)
                .onErrorMap(IllegalStateException.class,
                        e -> new JwtException("the signing keys could not be fetched: " + e.getMessage(), e))
                .doOnNext(jwt -> {
                    if (jwt.getExpiresAt() != null) {
                        verified.put(token, jwt);
                    }
                });
    }

    private Duration lifetime(Jwt jwt, Duration maxAge) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration left = expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : (left.compareTo(maxAge) < 0 ? left : maxAge);
    }
}
