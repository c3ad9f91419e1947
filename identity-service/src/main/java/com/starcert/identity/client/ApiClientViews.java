package com.starcert.identity.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.starcert.identity.account.Role;

/** What the management API answers about clients. Secrets appear only in the answer that created them. */
public final class ApiClientViews {

    private ApiClientViews() {
    }

    /** The answer to creating a machine client: the only time its secret is shown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Created(String clientId, String clientSecret, String name, List<Role> roles, List<String> scopes,
                          String enterpriseId) {
        static Created of(ApiClient client, String secret) {
            return new Created(client.clientId(), secret, client.name(), client.roles(), client.scopes(),
                    client.enterpriseId());
        }
    }

    /** A client in the list: never its secret or hash. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Listed(String clientId, String name, List<Role> roles, List<String> scopes, String enterpriseId,
                         List<String> grantTypes, boolean publicClient, boolean enabled, boolean locked,
                         Instant createdAt) {
    }
}
