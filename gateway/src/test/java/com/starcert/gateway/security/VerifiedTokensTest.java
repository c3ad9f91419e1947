package com.starcert.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import com.starcert.infra.MutableClock;

class VerifiedTokensTest {

    private final Instant now = Instant.parse("2026-12-03T08:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final MutableClock clock = new MutableClock(now);
    private final List<String> checked = new ArrayList<>();

    /** Accepts tokens named "good-…" (expiring in 10 minutes), refuses every other. */
    private final ReactiveJwtDecoder signatureCheck = token -> {
        checked.add(token);
        return token.startsWith("good")
                ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("starcert-admin")
                        .issuedAt(now.minusSeconds(60)).expiresAt(clock.instant().plus(Duration.ofMinutes(10)))
                        .build())
                : Mono.error(new BadJwtException("signature does not match"));
    };

    private final VerifiedTokens tokens = new VerifiedTokens(signatureCheck, 100, Duration.ofMinutes(5), clock,
            nanos::get);

    @Test
    void aTokenSentAgainIsNotCheckedAgain() {
        Jwt first = tokens.decode("good-1").block();
        Jwt second = tokens.decode("good-1").block();

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("good-1");
    }

    @Test
    void anotherTokenIsCheckedInFull() {
        tokens.decode("good-1").block();
        tokens.decode("good-2").block();

        assertThat(checked).containsExactly("good-1", "good-2");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aTokenIsRememberedAtMostMaxAge() {
        tokens.decode("good-1").block();
        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        tokens.decode("good-1").block();

        assertThat(checked).containsExactly("good-1", "good-1");
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        VerifiedTokens longLived = new VerifiedTokens(signatureCheck, 100, Duration.ofHours(1), clock, nanos::get);
        longLived.decode("good-1").block();
        clock.set(now.plus(Duration.ofMinutes(11)));

        longLived.decode("good-1").block();

        assertThat(checked).containsExactly("good-1", "good-1");
    }
}
