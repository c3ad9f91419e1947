package com.starcert.identity.client;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.starcert.identity.IdentitySettings;
import com.starcert.identity.account.Lockout;
import com.starcert.identity.account.Role;
import com.starcert.identity.account.Secrets;
import com.starcert.identity.problem.ApiProblem;

/** Creating and listing API clients; also used by the start-up seeding. */
@Service
public class ApiClientAdministration {

    private final ApiClients clients;
    private final MongoTemplate mongo;
    private final PasswordEncoder encoder;
    private final Lockout lockout;
    private final Clock clock;

    public ApiClientAdministration(ApiClients clients, MongoTemplate mongo, PasswordEncoder encoder,
                                   Lockout lockout, Clock clock) {
        this.clients = clients;
        this.mongo = mongo;
        this.encoder = encoder;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** A machine client with generated id and secret. ENTERPRISE clients go through {@link #createForEnterprise}. */
    public ApiClientViews.Created create(CreateApiClientRequest request) {
        List<Role> roles = request.roles().stream().distinct().toList();
        if (roles.contains(Role.ENTERPRISE)) {
            throw ApiProblem.invalid("roles",
                    "ENTERPRISE clients are created with POST /api/enterprises/{enterpriseId}/api-clients");
        }
        List<String> scopes = request.scopes() == null ? List.of() : request.scopes().stream().distinct().toList();
        return insertNew(request.name().trim(), roles, scopes, null);
    }

    /** A client acting for one enterprise: role ENTERPRISE and the enterprise id in its tokens. */
    public ApiClientViews.Created createForEnterprise(String enterpriseId, CreateEnterpriseClientRequest request) {
        return insertNew(request.name().trim(), List.of(Role.ENTERPRISE), List.of(), enterpriseId);
    }

    private ApiClientViews.Created insertNew(String name, List<Role> roles, List<String> scopes,
                                             String enterpriseId) {
        String secret = Secrets.clientSecret();
        ApiClient client = ApiClient.machine(Secrets.clientId(), encoder.encode(secret), name, roles, scopes,
                enterpriseId, clock.instant());
        return ApiClientViews.Created.of(mongo.insert(client), secret);
    }

    /** Creates the machine client unless the id is taken; answers whether it was created. */
    public boolean createIfMissing(String clientId, String secret, String name, List<Role> roles,
                                   String enterpriseId) {
        if (clients.existsById(clientId)) {
            return false;
        }
        try {
            mongo.insert(ApiClient.machine(clientId, encoder.encode(secret), name, roles, List.of(), enterpriseId,
                    clock.instant()));
            return true;
        } catch (DuplicateKeyException raced) {
            return false; // another instance seeded it meanwhile
        }
    }

    /** Sets a new secret and lifts any lock. */
    public void resetSecret(String clientId, String secret) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(clientId)),
                Lockout.cleared(new Update().set("secretHash", encoder.encode(secret))), ApiClient.class);
    }

    /**
     * Registers the public browser console, or brings its redirect URIs up to date with the settings (they follow
     * the gateway's public address, which may change between runs).
     */
    public void registerConsole(IdentitySettings.Console console) {
        List<String> scopes = List.of("openid", "profile");
        if (clients.existsById(console.clientId())) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(console.clientId())),
                    new Update().set("redirectUris", console.redirectUris())
                            .set("postLogoutRedirectUris", console.postLogoutRedirectUris()),
                    ApiClient.class);
            return;
        }
        try {
            mongo.insert(ApiClient.publicBrowserClient(console.clientId(), "StarCert console", scopes,
                    console.redirectUris(), console.postLogoutRedirectUris(), clock.instant()));
        } catch (DuplicateKeyException raced) {
            // another instance registered it meanwhile
        }
    }

    public List<ApiClientViews.Listed> list() {
        return clients.findAll(Sort.by("clientId")).stream()
                .map(c -> new ApiClientViews.Listed(c.clientId(), c.name(), c.roles(), c.scopes(), c.enterpriseId(),
                        c.grantTypes(), c.publicClient(), c.enabled(), lockout.isLocked(c.lockedUntil()),
                        c.createdAt()))
                .toList();
    }
}
