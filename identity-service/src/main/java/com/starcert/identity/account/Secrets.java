package com.starcert.identity.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random identifiers and secrets for API clients. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 32 random bytes, base64url without padding (43 characters): shown to the caller once, stored hashed. */
    public static String clientSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code client-} and 12 random bytes in hex: unguessable, so ids do not reveal how many clients exist. */
    public static String clientId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "client-" + HexFormat.of().formatHex(bytes);
    }
}
