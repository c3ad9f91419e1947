package com.starcert.identity.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key tokens are signed with. Its key id is the RFC 7638 thumbprint of the public key, so the same key
 * always has the same {@code kid}, wherever and however often it is loaded.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    /** A PEM PKCS#8 ({@code BEGIN PRIVATE KEY}) RSA private key; the public key is derived from it. */
    public static RSAKey fromPemFile(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file " + file, e);
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("the signing key file " + file + " is PKCS#1; convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the signing key file " + file
                    + " holds no PEM 'BEGIN PRIVATE KEY' block (an unencrypted PKCS#8 RSA key is expected)");
        }
        String base64 = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end);
        return fromPkcs8(Base64.getMimeDecoder().decode(base64));
    }

    /** An RSA private key in PKCS#8 DER. */
    public static RSAKey fromPkcs8(byte[] der) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey privateKey)) {
                throw new IllegalArgumentException("the signing key must be an RSA key with its CRT parameters");
            }
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(thumbprint(publicKey))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable RSA private key: " + e.getMessage(), e);
        }
    }

    /** A fresh 2048-bit key. */
    public static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return fromPkcs8(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The private key in PKCS#8 DER, for storing. */
    public static byte[] pkcs8(RSAKey key) {
        try {
            return key.toPrivateKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String thumbprint(RSAPublicKey publicKey) {
        try {
            return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
