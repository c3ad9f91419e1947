package com.starcert.identity.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The generated signing key, kept so that restarts and every instance sign with the same key. One document with a
 * fixed id: the first instance to insert it wins, the others read it.
 *
 * @param privateKey the RSA private key, PKCS#8 DER, base64
 */
@Document("signing_keys")
record StoredSigningKey(@Id String id, String kid, String privateKey, Instant createdAt) {

    static final String ACTIVE = "active";
}
