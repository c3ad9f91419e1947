package com.starcert.certificate.verification;

import java.text.ParseException;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.starcert.certificate.CertificateSettings;
import com.starcert.certificate.register.Certificate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a certificate revision's public fields with the CB's key (compact JWS, ES256) and checks such signatures.
 * The payload is the canonical JSON of {@link CertificateDocument}: properties in alphabetical order, no blanks.
 */
@Component
public class CertificateSignatures {

    static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SigningKeys keys;
    private final CertificateSettings settings;

    public CertificateSignatures(SigningKeys keys, CertificateSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    public CertificateDocument documentOf(Certificate certificate) {
        return CertificateDocument.of(certificate, settings.scope());
    }

    /** The certificate with its signature over its current revision's public fields. */
    public Certificate signed(Certificate certificate) {
        return certificate.withSignature(sign(documentOf(certificate)));
    }

    public String sign(CertificateDocument document) {
        ECKey key = keys.active();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new Payload(canonical(document)));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign certificate " + document.number(), e);
        }
        return jws.serialize();
    }

    static String canonical(CertificateDocument document) {
        return CANONICAL.writeValueAsString(document);
    }

    /** The outcome of checking a compact JWS: the signed document when the signature is the CB's, else why not. */
    public sealed interface Check {
        record Valid(CertificateDocument document, String keyId) implements Check {
        }

        record Invalid(String reason) implements Check {
        }
    }

    public Check check(String compactJws) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compactJws.trim());
        } catch (ParseException e) {
            return new Check.Invalid("the signature is not a compact JWS: " + e.getMessage());
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            return new Check.Invalid("the signature uses " + jws.getHeader().getAlgorithm()
                    + "; the CB signs with ES256");
        }
        String keyId = jws.getHeader().getKeyID();
        Optional<ECKey> key = keyId == null ? Optional.empty() : keys.publicKey(keyId);
        if (key.isEmpty()) {
            return new Check.Invalid("the signature names a key the CB never used (kid " + keyId + ")");
        }
        try {
            if (!jws.verify(new ECDSAVerifier(key.get()))) {
                return new Check.Invalid("the signature does not match the signed content: forged or altered");
            }
        } catch (JOSEException e) {
            return new Check.Invalid("the signature cannot be checked: " + e.getMessage());
        }
        try {
            return new Check.Valid(CANONICAL.readValue(jws.getPayload().toString(), CertificateDocument.class), keyId);
        } catch (JacksonException e) {
            return new Check.Invalid("the signed content is not a certificate");
        }
    }
}
