package com.starcert.identity.token;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorization codes, refresh tokens and issued access tokens in MongoDB (collection {@code authorizations}), so
 * a code issued by one instance can be redeemed at another and people stay signed in across restarts. Modelled on
 * the authorization server's own {@code JdbcOAuth2AuthorizationService}: one document per authorization, written
 * whole (single-document atomicity is all it needs).
 */
@Component
public class MongoOAuth2AuthorizationService implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(MongoOAuth2AuthorizationService.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Kept this long when it holds no token yet (an authorization request waiting for the person). */
    private static final Duration WITHOUT_TOKENS = Duration.ofDays(1);

    private final MongoTemplate mongo;
    private final RegisteredClientRepository clients;
    private final JsonMapper json;

    public MongoOAuth2AuthorizationService(MongoTemplate mongo, RegisteredClientRepository clients) {
        this.mongo = mongo;
        this.clients = clients;
        ClassLoader loader = getClass().getClassLoader();
        this.json = JsonMapper.builder().addModules(SecurityJacksonModules.getModules(loader)).build();
        createIndexes();
    }

    /** Look-ups are by token value; the TTL index drops an authorization once all its tokens have expired. */
    private void createIndexes() {
        try {
            var indexes = mongo.indexOps(StoredAuthorization.class);
            for (String field : List.of("state", "authorizationCode.value", "accessToken.value",
                    "refreshToken.value")) {
                indexes.createIndex(new Index().on(field, Sort.Direction.ASC).sparse());
            }
            indexes.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
        } catch (RuntimeException e) {
            // a store without these index kinds still works, only slower and without automatic clean-up
            log.warn("could not create the indexes of the authorizations collection: {}", e.getMessage());
        }
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        mongo.save(toDocument(authorization));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), StoredAuthorization.class);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return toAuthorization(mongo.findById(id, StoredAuthorization.class));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Criteria criteria;
        if (tokenType == null) {
            criteria = new Criteria().orOperator(Stream.of("state", "authorizationCode.value", "accessToken.value",
                    "idToken.value", "refreshToken.value").map(f -> Criteria.where(f).is(token)).toList());
        } else {
            String field = switch (tokenType.getValue()) {
                case OAuth2ParameterNames.STATE -> "state";
                case OAuth2ParameterNames.CODE -> "authorizationCode.value";
                case OAuth2ParameterNames.ACCESS_TOKEN -> "accessToken.value";
                case OidcParameterNames.ID_TOKEN -> "idToken.value";
                case OAuth2ParameterNames.REFRESH_TOKEN -> "refreshToken.value";
                default -> null; // device codes: the device grant is not enabled here
            };
            if (field == null) {
                return null;
            }
            criteria = Criteria.where(field).is(token);
        }
        return toAuthorization(mongo.findOne(Query.query(criteria), StoredAuthorization.class));
    }

    private StoredAuthorization toDocument(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
        StoredAuthorization.StoredToken access = stored(accessToken);
        if (access != null) {
            OAuth2AccessToken token = accessToken.getToken();
            access = new StoredAuthorization.StoredToken(access.value(), access.issuedAt(), access.expiresAt(),
                    access.metadata(), token.getTokenType().getValue(), List.copyOf(token.getScopes()));
        }
        StoredAuthorization.StoredToken code = stored(authorization.getToken(OAuth2AuthorizationCode.class));
        StoredAuthorization.StoredToken idToken = stored(authorization.getToken(OidcIdToken.class));
        StoredAuthorization.StoredToken refresh = stored(authorization.getRefreshToken());
        Instant expiresAt = Stream.of(code, access, idToken, refresh).filter(Objects::nonNull)
                .map(StoredAuthorization.StoredToken::expiresAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.now().plus(WITHOUT_TOKENS));
        return new StoredAuthorization(authorization.getId(), authorization.getRegisteredClientId(),
                authorization.getPrincipalName(), authorization.getAuthorizationGrantType().getValue(),
                List.copyOf(authorization.getAuthorizedScopes()), write(authorization.getAttributes()),
                authorization.getAttribute(OAuth2ParameterNames.STATE), code, access, idToken, refresh, expiresAt);
    }

    private StoredAuthorization.StoredToken stored(OAuth2Authorization.Token<? extends OAuth2Token> token) {
        if (token == null) {
            return null;
        }
        OAuth2Token t = token.getToken();
        return new StoredAuthorization.StoredToken(t.getTokenValue(), t.getIssuedAt(), t.getExpiresAt(),
                write(token.getMetadata()), null, null);
    }

    @SuppressWarnings("unchecked")
    private OAuth2Authorization toAuthorization(StoredAuthorization doc) {
        if (doc == null) {
            return null;
        }
        RegisteredClient client = clients.findById(doc.registeredClientId());
        if (client == null) {
            return null; // the client was disabled or removed: its grants are void
        }
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(doc.id())
                .principalName(doc.principalName())
                .authorizationGrantType(new AuthorizationGrantType(doc.grantType()))
                .authorizedScopes(Set.copyOf(doc.authorizedScopes()))
                .attributes(attributes -> attributes.putAll(read(doc.attributes())));
        if (doc.state() != null) {
            builder.attribute(OAuth2ParameterNames.STATE, doc.state());
        }
        StoredAuthorization.StoredToken code = doc.authorizationCode();
        if (code != null) {
            builder.token(new OAuth2AuthorizationCode(code.value(), code.issuedAt(), code.expiresAt()),
                    metadata(code));
        }
        StoredAuthorization.StoredToken access = doc.accessToken();
        if (access != null) {
            OAuth2AccessToken.TokenType type = OAuth2AccessToken.TokenType.DPOP.getValue()
                    .equalsIgnoreCase(access.tokenType()) ? OAuth2AccessToken.TokenType.DPOP
                    : OAuth2AccessToken.TokenType.BEARER;
            builder.token(new OAuth2AccessToken(type, access.value(), access.issuedAt(), access.expiresAt(),
                    access.scopes() == null ? Set.of() : Set.copyOf(access.scopes())), metadata(access));
        }
        StoredAuthorization.StoredToken idToken = doc.idToken();
        if (idToken != null) {
            Map<String, Object> metadata = read(idToken.metadata());
            builder.token(new OidcIdToken(idToken.value(), idToken.issuedAt(), idToken.expiresAt(),
                    (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME)),
                    m -> m.putAll(metadata));
        }
        StoredAuthorization.StoredToken refresh = doc.refreshToken();
        if (refresh != null) {
            builder.token(new OAuth2RefreshToken(refresh.value(), refresh.issuedAt(), refresh.expiresAt()),
                    metadata(refresh));
        }
        return builder.build();
    }

    private Consumer<Map<String, Object>> metadata(StoredAuthorization.StoredToken token) {
        Map<String, Object> metadata = read(token.metadata());
        return m -> m.putAll(metadata);
    }

    private String write(Map<String, Object> map) {
        return json.writeValueAsString(map);
    }

    private Map<String, Object> read(String data) {
        return data == null ? Map.of() : new LinkedHashMap<>(json.readValue(data, MAP));
    }
}
