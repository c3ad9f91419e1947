package com.starcert.identity.token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import com.starcert.identity.IdentitySettings;
import com.starcert.identity.account.Role;
import com.starcert.identity.client.ApiClient;
import com.starcert.identity.client.ApiClients;
import com.starcert.identity.security.TokenClaims;
import com.starcert.identity.user.UserAccount;
import com.starcert.identity.user.UserAccounts;

/**
 * Shapes every access token to exactly {@code iss, sub, aud, exp, iat, name, roles, scope} and, for ENTERPRISE
 * principals, {@code enterprise_id}. Who the token is for is read from the database each time a token is issued
 * (also on refresh), so a changed role or a disabled person takes effect at the next refresh at the latest.
 */
@Component
public class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** Claims the authorization server adds by default that StarCert's tokens do not carry. */
    private static final List<String> DROPPED = List.of(JwtClaimNames.JTI, JwtClaimNames.NBF, "client_id");

    private final ApiClients clients;
    private final UserAccounts users;
    private final String audience;

    public AccessTokenClaims(ApiClients clients, UserAccounts users, IdentitySettings settings) {
        this.clients = clients;
        this.users = users;
        this.audience = settings.audience();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            Principal principal = principal(context);
            Set<String> scopes = new LinkedHashSet<>(context.getAuthorizedScopes());
            if (scopes.isEmpty()) {
                scopes.addAll(context.getRegisteredClient().getScopes()); // a machine client that asked for none
            }
            // mutable lists on purpose: the claims are also stored (as JSON) with the authorization, and Spring
            // Security's JSON support refuses the JDK's immutable collection classes when reading them back
            context.getClaims().audience(new ArrayList<>(List.of(audience))).claims(claims -> {
                DROPPED.forEach(claims::remove);
                claims.put(TokenClaims.NAME, principal.name());
                claims.put(TokenClaims.ROLES, principal.roles().stream().map(Role::name)
                        .collect(Collectors.toCollection(ArrayList::new)));
                claims.put(TokenClaims.SCOPE, new ArrayList<>(scopes));
                if (principal.roles().contains(Role.ENTERPRISE)) {
                    claims.put(TokenClaims.ENTERPRISE_ID, principal.enterpriseId());
                } else {
                    claims.remove(TokenClaims.ENTERPRISE_ID);
                }
            });
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            context.getClaims().claim(TokenClaims.NAME, principal(context).name());
        }
    }

    private Principal principal(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            ApiClient client = clients.findById(context.getRegisteredClient().getClientId())
                    .orElseThrow(() -> invalid(OAuth2ErrorCodes.INVALID_CLIENT));
            return new Principal(client.name(), client.roles(), client.enterpriseId());
        }
        UserAccount user = users.findById(context.getPrincipal().getName())
                .filter(UserAccount::enabled)
                .orElseThrow(() -> invalid(OAuth2ErrorCodes.INVALID_GRANT));
        return new Principal(user.name(), user.roles(), user.enterpriseId());
    }

    private static OAuth2AuthenticationException invalid(String code) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, "the account no longer exists or is disabled",
                null));
    }

    private record Principal(String name, List<Role> roles, String enterpriseId) {
    }
}
