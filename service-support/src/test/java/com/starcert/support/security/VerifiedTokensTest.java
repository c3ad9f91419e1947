package com.starcert.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.starcert.infra.MutableClock;

class VerifiedTokensTest {

    private final Instant now = Instant.parse("2026-12-03T08:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final MutableClock clock = new MutableClock(now);
    private final List<String> checked = new ArrayList<>();

    /** Accepts tokens named "good-…" (expiring in 10 minutes) and "no-exp-…" (no {@code exp}); refuses others. */
    private final JwtDecoder signatureCheck = token -> {
        checked.add(token);
        if (token.startsWith("good")) {
            return jwt(token, clock.instant().plus(Duration.ofMinutes(10)));
        }
        if (token.startsWith("no-exp")) {
            return jwt(token, null);
        }
        throw new BadJwtException("signature does not match");
    };

    private final VerifiedTokens tokens = new VerifiedTokens(signatureCheck, 100, Duration.ofMinutes(5), clock,
            nanos::get);

    @Test
    void aTokenSentAgainIsNotCheckedAgain() {
        Jwt first = tokens.decode("good-1");
        Jwt second = tokens.decode("good-1");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("good-1");
    }

    @Test
    void anotherTokenIsCheckedInFull() {
        tokens.decode("good-1");
        tokens.decode("good-2");

        assertThat(checked).containsExactly("good-1", "good-2");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aTokenIsRememberedAtMostMaxAge() {
        tokens.decode("good-1");
        advance(Duration.ofMinutes(5).plusSeconds(1));
        tokens.decode("good-1");

        assertThat(checked).containsExactly("good-1", "good-1");
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        VerifiedTokens longLived = new VerifiedTokens(signatureCheck, 100, Duration.ofHours(1), clock, nanos::get);
        longLived.decode("good-1");
        // the wall clock passes the token's exp while the cache's own timer has not moved
        clock.set(now.plus(Duration.ofMinutes(11)));

        longLived.decode("good-1");

        assertThat(checked).containsExactly("good-1", "good-1");
    }

    @Test
    void aTokenWithoutExpiryIsNotRemembered() {
        tokens.decode("no-exp-1");
        tokens.decode("no-exp-1");

        assertThat(checked).containsExactly("no-exp-1", "no-exp-1");
    }

    @Test
    void lifetimeIsTheShorterOfExpiryAndMaxAge() {
        Clock fixed = Clock.fixed(now, ZoneOffset.UTC);
        Duration maxAge = Duration.ofMinutes(5);

        assertThat(VerifiedTokens.lifetime(jwt("a", now.plusSeconds(30)), maxAge, fixed)).hasSeconds(30);
        assertThat(VerifiedTokens.lifetime(jwt("a", now.plusSeconds(3600)), maxAge, fixed)).isEqualTo(maxAge);
        assertThat(VerifiedTokens.lifetime(jwt("a", now.minusSeconds(1)), maxAge, fixed)).isZero();
        assertThat(VerifiedTokens.lifetime(jwt("a", null), maxAge, fixed)).isZero();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
        clock.set(clock.instant().plus(duration));
    }

    private Jwt jwt(String token, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue(token).header("alg", "RS256").subject("starcert-admin")
                .issuedAt(now.minusSeconds(60));
        if (expiresAt != null) {
            builder.expiresAt(expiresAt);
        }
        return builder.build();
    }
}
