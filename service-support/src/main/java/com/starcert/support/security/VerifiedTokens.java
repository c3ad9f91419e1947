package com.starcert.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Access tokens this instance has already verified, so a client that sends the same token again (every client
 * does, until it expires) is not checked again with an RSA signature verification and a full claim validation.
 *
 * <p>The key is the whole compact token, signature included: a token that differs in one character is a
 * different key and goes through the full check. An entry lives until the token's {@code exp} and never longer
 * than {@code maxAge}, so a signing key withdrawn from the JWK set stops being honoured within {@code maxAge};
 * a token without {@code exp} is not remembered. Refused tokens are not remembered either.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    public VerifiedTokens(JwtDecoder delegate, long maximumSize, Duration maxAge) {
        this(delegate, maximumSize, maxAge, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokens(JwtDecoder delegate, long maximumSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).ticker(ticker)
                .expireAfter(Expiry.writing((String token, Jwt jwt) -> lifetime(jwt, maxAge, clock))).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && stillValid(known, clock)) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        remember(token, jwt);
        return jwt;
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
    }

    /** How long a verified token may be answered from memory: until it expires, at most {@code maxAge}. */
    public static Duration lifetime(Jwt jwt, Duration maxAge, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : (left.compareTo(maxAge) < 0 ? left : maxAge);
    }

    /** Belt and braces next to the cache's own expiry: an entry is never answered once its token has expired. */
    public static boolean stillValid(Jwt jwt, Clock clock) {
        return jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt());
    }
}
