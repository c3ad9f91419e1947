package com.starcert.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.starcert.identity.IdentityApplication;
import com.starcert.identity.IdentityIntegrationTest;
import com.starcert.identity.TestHttp;
import com.starcert.identity.TestMongo;

/** The signing key outlives the process: stored in MongoDB, or read from a PEM file. */
class SigningKeyTest extends IdentityIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @TempDir
    Path dir;

    @Test
    void aSecondInstanceOnTheSameDatabaseSignsWithTheSameKeyAndAcceptsTheFirstsTokens() throws Exception {
        String published = http().get("/oauth2/jwks").body();
        String kid = JWKSet.parse(published).getKeys().get(0).getKeyID();
        StoredSigningKey stored = mongo.findById(StoredSigningKey.ACTIVE, StoredSigningKey.class);
        assertThat(stored).isNotNull();
        assertThat(stored.kid()).isEqualTo(kid);
        String adminToken = http().accessToken(ADMIN_ID, ADMIN_SECRET);

        // command-line arguments: they win over application.yml (builder properties would not)
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IdentityApplication.class)
                .run("--server.port=0", "--spring.jmx.enabled=false",
                        "--spring.mongodb.uri=" + TestMongo.uri(DATABASE))) {
            int port = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            TestHttp other = new TestHttp(port);
            assertThat(JWKSet.parse(other.get("/oauth2/jwks").body()).getKeys().get(0).getKeyID()).isEqualTo(kid);
            assertThat(other.getWithToken("/api/users", adminToken).statusCode())
                    .as("a token of the first instance is good at the second").isEqualTo(200);
        }
    }

    @Test
    void aPemPrivateKeyIsReadWithAStableKeyId() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path pem = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        RSAKey key = SigningKeys.fromPemFile(pem);
        assertThat(key.toRSAPublicKey().getModulus()).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
        assertThat(key.isPrivate()).isTrue();
        assertThat(SigningKeys.fromPemFile(pem).getKeyID()).isEqualTo(key.getKeyID());
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    }

    @Test
    void aPkcs1OrMissingKeyIsRefusedWithAHint() throws IOException {
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SigningKeys.fromPemFile(pkcs1)).hasMessageContaining("openssl pkcs8");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here");
        assertThatThrownBy(() -> SigningKeys.fromPemFile(empty)).hasMessageContaining("BEGIN PRIVATE KEY");
    }
}
