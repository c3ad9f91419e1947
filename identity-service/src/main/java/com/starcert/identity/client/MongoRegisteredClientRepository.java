package com.starcert.identity.client;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import com.starcert.identity.IdentitySettings;

/**
 * The authorization server's view of {@link ApiClient} documents. The registered client's id is the client id.
 * A disabled client is not found, which the authorization server answers with {@code invalid_client}.
 */
@Component
public class MongoRegisteredClientRepository implements RegisteredClientRepository {

    private final ApiClients clients;
    private final MongoTemplate mongo;
    private final IdentitySettings settings;

    public MongoRegisteredClientRepository(ApiClients clients, MongoTemplate mongo, IdentitySettings settings) {
        this.clients = clients;
        this.mongo = mongo;
        this.settings = settings;
    }

    /**
     * Only ever called by the authorization server to re-hash a secret whose encoding is outdated (clients are
     * otherwise managed through the management API; dynamic client registration is off): keep the new hash.
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        if (registeredClient.getClientSecret() != null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(registeredClient.getClientId())),
                    new Update().set("secretHash", registeredClient.getClientSecret()), ApiClient.class);
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return clients.findById(clientId).filter(ApiClient::enabled).map(this::toRegisteredClient).orElse(null);
    }

    RegisteredClient toRegisteredClient(ApiClient client) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientIdIssuedAt(client.createdAt())
                .scopes(s -> s.addAll(client.scopes()))
                .redirectUris(r -> r.addAll(client.redirectUris()))
                .postLogoutRedirectUris(r -> r.addAll(client.postLogoutRedirectUris()))
                .authorizationGrantTypes(g -> client.grantTypes()
                        .forEach(name -> g.add(new AuthorizationGrantType(name))))
                .clientSettings(ClientSettings.builder()
                        // PKCE for every code flow; the console is first-party, so no consent screen
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .refreshTokenTimeToLive(settings.refreshTokenTtl())
                        // a refresh token is good for one use: a stolen, already used one is worthless
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build());
        if (client.publicClient()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(client.secretHash())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        return builder.build();
    }
}
