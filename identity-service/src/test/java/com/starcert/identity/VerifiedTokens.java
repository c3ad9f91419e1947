package com.starcert.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

/** Reads a token the way another service would: signature checked against the published JWK set. */
public final class VerifiedTokens {

    private VerifiedTokens() {
    }

    /** Verifies the signature against {@code /oauth2/jwks} and answers the claims as JSON values. */
    public static Map<String, Object> claims(TestHttp http, String token) throws Exception {
        JWKSet keys = JWKSet.parse(http.get("/oauth2/jwks").body());
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is published").isNotNull();
        assertThat(key.isPrivate()).as("only the public key is published").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
        return jwt.getJWTClaimsSet().toJSONObject();
    }
}
