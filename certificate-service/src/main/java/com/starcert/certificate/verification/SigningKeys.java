package com.starcert.certificate.verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.starcert.certificate.CertificateSettings;

/**
 * The CB's signing key (EC P-256, ES256) and every public key it ever signed with.
 * <p>
 * The active key comes from {@code starcert.certificate.signing.key-file} (JWK or PEM); without it, the first
 * instance to start generates one and stores it in {@code signing_keys} (insert-if-absent, so concurrent first
 * starts agree on one key and restarts keep it). Each active key's public half is added to {@code public_keys}
 * and never removed, so certificates signed with a retired key still verify after a rotation.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final String PRIVATE_KEYS = "signing_keys";
    static final String PUBLIC_KEYS = "public_keys";
    private static final String GENERATED = "generated";
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final MongoTemplate mongo;
    private final CertificateSettings settings;
    private final Clock clock;
    private volatile ECKey active;

    public SigningKeys(MongoTemplate mongo, CertificateSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** The key that signs new certificates and revisions. */
    public ECKey active() {
        ECKey key = active;
        if (key == null) {
            synchronized (this) {
                if (active == null) {
                    String file = settings.signing().keyFile();
                    ECKey loaded = file != null && !file.isBlank() ? fromFile(file.trim()) : generatedOnce();
                    publish(loaded);
                    active = loaded;
                }
                key = active;
            }
        }
        return key;
    }

    /** A public key by its key id, current or retired. */
    public Optional<ECKey> publicKey(String keyId) {
        active();
        Document doc = mongo.findById(keyId, Document.class, PUBLIC_KEYS);
        return Optional.ofNullable(doc).map(d -> parse(d.getString("jwk")));
    }

    /** Every public key the CB signed certificates with. */
    public JWKSet publicKeys() {
        active();
        List<JWK> keys = mongo.findAll(Document.class, PUBLIC_KEYS).stream()
                .map(d -> (JWK) parse(d.getString("jwk"))).toList();
        return new JWKSet(keys);
    }

    private ECKey generatedOnce() {
        Document stored = mongo.findById(GENERATED, Document.class, PRIVATE_KEYS);
        if (stored == null) {
            try {
                ECKey generated = withKeyId(new ECKeyGenerator(Curve.P_256).generate());
                mongo.insert(new Document("_id", GENERATED).append("jwk", generated.toJSONString())
                        .append("createdAt", java.util.Date.from(clock.instant())), PRIVATE_KEYS);
                log.warn("generated the CB signing key {} and stored it in the database; configure "
                        + "starcert.certificate.signing.key-file to use a key you hold", generated.getKeyID());
                return generated;
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                stored = mongo.findById(GENERATED, Document.class, PRIVATE_KEYS);
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot generate an EC P-256 key", e);
            }
        }
        return parse(stored.getString("jwk"));
    }

    private static ECKey fromFile(String file) {
        try {
            ECKey key = parseKey(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            return withKeyId(key);
        } catch (IOException | ParseException | JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the signing key from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A private EC P-256 key from a JWK (JSON) or from PEM holding both a PKCS#8 {@code PRIVATE KEY} and an X.509
     * {@code PUBLIC KEY} block (e.g. {@code openssl pkcs8 -topk8 -nocrypt} followed by {@code openssl pkey -pubout}).
     * Without a Bouncy Castle dependency the public half cannot be derived from a PEM private key alone.
     */
    static ECKey parseKey(String content) throws ParseException, GeneralSecurityException {
        String text = content.trim();
        ECKey key;
        if (text.startsWith("{")) {
            key = JWK.parse(text).toECKey();
        } else {
            ECPrivateKey privateKey = null;
            ECPublicKey publicKey = null;
            Matcher m = PEM_BLOCK.matcher(text);
            KeyFactory factory = KeyFactory.getInstance("EC");
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                if (m.group(1).equals("PRIVATE KEY")) {
                    privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
                } else if (m.group(1).equals("PUBLIC KEY")) {
                    publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(der));
                }
            }
            if (privateKey == null || publicKey == null) {
                throw new IllegalArgumentException("PEM must hold a PKCS#8 PRIVATE KEY and its PUBLIC KEY");
            }
            key = new ECKey.Builder(Curve.forECParameterSpec(publicKey.getParams()), publicKey)
                    .privateKey(privateKey).build();
        }
        if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
            throw new IllegalArgumentException("the signing key must be a private EC P-256 key");
        }
        return key;
    }

    private void publish(ECKey key) {
        try {
            mongo.insert(new Document("_id", key.getKeyID()).append("jwk", key.toPublicJWK().toJSONString())
                    .append("addedAt", java.util.Date.from(clock.instant())), PUBLIC_KEYS);
        } catch (DuplicateKeyException alreadyPublished) {
            // insert-if-absent: another instance (or an earlier start) published it
        }
    }

    static ECKey withKeyId(ECKey key) throws JOSEException {
        return key.getKeyID() != null ? key : new ECKey.Builder(key).keyIDFromThumbprint().build();
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("stored key is not an EC JWK: " + e.getMessage(), e);
        }
    }
}
