package com.starcert.identity.client;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.identity.account.Role;

/**
 * An OAuth client: a machine with a secret ({@code client_credentials}) or the public browser console
 * ({@code authorization_code} with PKCE, and {@code refresh_token}). The client id is the document id.
 *
 * @param secretHash     delegating-encoder hash of the secret; null for a public client
 * @param roles          the roles a machine client's tokens carry (a public client acts for the person instead)
 * @param enterpriseId   the enterprise an ENTERPRISE client acts for; null otherwise
 * @param grantTypes     OAuth grant type names
 * @param failedAttempts consecutive wrong secrets since the last success or lock
 */
@Document("clients")
public record ApiClient(@Id String clientId, String secretHash, String name, List<Role> roles, List<String> scopes,
                        String enterpriseId, List<String> grantTypes, List<String> redirectUris,
                        List<String> postLogoutRedirectUris, boolean publicClient, boolean enabled,
                        int failedAttempts, Instant lockedUntil, Instant createdAt) {

    public static final String COLLECTION = "clients";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    /** The scope a machine client gets when it is created without naming any. */
    public static final String DEFAULT_SCOPE = "api";

    public static ApiClient machine(String clientId, String secretHash, String name, List<Role> roles,
                                    List<String> scopes, String enterpriseId, Instant now) {
        return new ApiClient(clientId, secretHash, name, List.copyOf(roles),
                scopes == null || scopes.isEmpty() ? List.of(DEFAULT_SCOPE) : List.copyOf(scopes), enterpriseId,
                List.of(CLIENT_CREDENTIALS), List.of(), List.of(), false, true, 0, null, now);
    }

    public static ApiClient publicBrowserClient(String clientId, String name, List<String> scopes,
                                                List<String> redirectUris, List<String> postLogoutRedirectUris,
                                                Instant now) {
        return new ApiClient(clientId, null, name, List.of(), List.copyOf(scopes), null,
                List.of(AUTHORIZATION_CODE, REFRESH_TOKEN), List.copyOf(redirectUris),
                List.copyOf(postLogoutRedirectUris), true, true, 0, null, now);
    }
}
