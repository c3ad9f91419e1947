package com.starcert.identity.token;

import java.time.Clock;
import java.util.Base64;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.starcert.identity.IdentitySettings;

/**
 * Where the signing key comes from: the configured PEM file if there is one (production: the key lives in a
 * secret store, not the database), else the key generated once and stored in MongoDB.
 */
@Configuration(proxyBeanMethods = false)
public class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    @Bean
    RSAKey signingKey(IdentitySettings settings, MongoTemplate mongo, Clock clock) {
        if (settings.signingKeyFile() != null) {
            RSAKey key = SigningKeys.fromPemFile(settings.signingKeyFile());
            log.info("signing tokens with the key from {} (kid {})", settings.signingKeyFile(), key.getKeyID());
            return key;
        }
        RSAKey key = storedOrNew(mongo, clock);
        log.info("signing tokens with the key stored in MongoDB (kid {})", key.getKeyID());
        return key;
    }

    static RSAKey storedOrNew(MongoTemplate mongo, Clock clock) {
        StoredSigningKey stored = mongo.findById(StoredSigningKey.ACTIVE, StoredSigningKey.class);
        if (stored == null) {
            RSAKey generated = SigningKeys.generate();
            try {
                mongo.insert(new StoredSigningKey(StoredSigningKey.ACTIVE, generated.getKeyID(),
                        Base64.getEncoder().encodeToString(SigningKeys.pkcs8(generated)), clock.instant()));
                return generated;
            } catch (DuplicateKeyException raced) {
                stored = mongo.findById(StoredSigningKey.ACTIVE, StoredSigningKey.class); // another instance won
            }
        }
        return SigningKeys.fromPkcs8(Base64.getDecoder().decode(stored.privateKey()));
    }

    /** Serves {@code /oauth2/jwks} and signs: one key, the public half published. */
    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }
}
