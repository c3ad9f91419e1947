package com.starcert.identity.token;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An {@code OAuth2Authorization} as stored: the grant, its tokens (each with the value it is looked up by), and
 * the attributes (the signed-in person, the original authorization request) as JSON written by Spring Security's
 * own Jackson modules, exactly as its JDBC store does.
 *
 * @param expiresAt when the last of its tokens expires; a TTL index removes the document then
 */
@Document("authorizations")
record StoredAuthorization(@Id String id, String registeredClientId, String principalName, String grantType,
                           List<String> authorizedScopes, String attributes, String state,
                           StoredToken authorizationCode, StoredToken accessToken, StoredToken idToken,
                           StoredToken refreshToken, Instant expiresAt) {

    /**
     * @param metadata  the token's metadata (for ID tokens also its claims) as JSON
     * @param tokenType for access tokens: Bearer or DPoP
     * @param scopes    for access tokens: their scopes
     */
    record StoredToken(String value, Instant issuedAt, Instant expiresAt, String metadata, String tokenType,
                       List<String> scopes) {
    }
}
