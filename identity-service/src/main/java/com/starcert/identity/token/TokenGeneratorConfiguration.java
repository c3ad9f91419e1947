package com.starcert.identity.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Signed JWT access and ID tokens shaped by {@link AccessTokenClaims}, and opaque refresh tokens. Declared here
 * rather than left to the authorization server because its own refresh-token generator never issues one to a
 * public client, and the browser console is one (see {@code PublicClientRefreshAuthentication}).
 */
@Configuration(proxyBeanMethods = false)
public class TokenGeneratorConfiguration {

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder, AccessTokenClaims claims) {
        JwtGenerator jwts = new JwtGenerator(jwtEncoder);
        jwts.setJwtCustomizer(claims);
        // the system clock, as the authorization server's own expiry checks use it
        return new DelegatingOAuth2TokenGenerator(jwts, new RefreshTokens(Clock.systemUTC()));
    }

    /** 96 random bytes, for any client registered with the refresh-token grant; single use (see the client). */
    static final class RefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

        private final StringKeyGenerator keys = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(),
                96);
        private final Clock clock;

        RefreshTokens(Clock clock) {
            this.clock = clock;
        }

        @Override
        public OAuth2RefreshToken generate(OAuth2TokenContext context) {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
                return null;
            }
            Instant issuedAt = clock.instant();
            return new OAuth2RefreshToken(keys.generateKey(), issuedAt,
                    issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
        }
    }
}
