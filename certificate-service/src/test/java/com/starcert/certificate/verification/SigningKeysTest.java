package com.starcert.certificate.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

class SigningKeysTest {

    @Test
    void reads_a_private_p256_jwk() throws Exception {
        ECKey generated = new ECKeyGenerator(Curve.P_256).keyID("cb-2026").generate();

        ECKey key = SigningKeys.parseKey(generated.toJSONString());

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isEqualTo("cb-2026");
        assertThat(key.toPublicJWK()).isEqualTo(generated.toPublicJWK());
    }

    @Test
    void reads_pem_with_the_private_and_the_public_key_and_names_it_by_thumbprint() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());

        ECKey key = SigningKeys.withKeyId(SigningKeys.parseKey(pem));

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    }

    @Test
    void refuses_a_public_key_alone_and_other_curves() throws Exception {
        ECKey generated = new ECKeyGenerator(Curve.P_256).generate();
        assertThatThrownBy(() -> SigningKeys.parseKey(generated.toPublicJWK().toJSONString()))
                .isInstanceOf(IllegalArgumentException.class);
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertThatThrownBy(() -> SigningKeys.parseKey(p384.toJSONString()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKeys.parseKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(Exception.class);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
