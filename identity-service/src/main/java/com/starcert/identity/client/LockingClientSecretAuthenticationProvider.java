package com.starcert.identity.client;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

import com.starcert.identity.account.Lockout;

/**
 * Wraps the authorization server's {@link ClientSecretAuthenticationProvider} with the same lockout people have:
 * repeated wrong secrets lock the client for a while, a success clears the count. A locked client is refused
 * before its secret is even compared.
 */
public class LockingClientSecretAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider secrets;
    private final ApiClients clients;
    private final Lockout lockout;

    public LockingClientSecretAuthenticationProvider(AuthenticationProvider secrets, ApiClients clients,
                                                     Lockout lockout) {
        this.secrets = secrets;
        this.clients = clients;
        this.lockout = lockout;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
        ClientAuthenticationMethod method = client.getClientAuthenticationMethod();
        if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
                && !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
            return null;
        }
        String clientId = String.valueOf(client.getPrincipal());
        boolean locked = clients.findById(clientId).map(c -> lockout.isLocked(c.lockedUntil())).orElse(false);
        if (locked) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                    "Client authentication failed: the client is locked after repeated failures", null));
        }
        try {
            Authentication result = secrets.authenticate(authentication);
            if (result != null) {
                lockout.succeeded(ApiClient.COLLECTION, clientId);
            }
            return result;
        } catch (OAuth2AuthenticationException e) {
            if (OAuth2ErrorCodes.INVALID_CLIENT.equals(e.getError().getErrorCode())) {
                lockout.failed(ApiClient.COLLECTION, clientId);
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
