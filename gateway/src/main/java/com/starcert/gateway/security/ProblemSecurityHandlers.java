package com.starcert.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.starcert.gateway.Problems;

/**
 * 401 and 403 as RFC 9457 problems like every other answer, with the {@code WWW-Authenticate: Bearer} header
 * OAuth 2.0 clients read (RFC 6750 §3). Spring Security's reactive bearer handlers complete the response
 * themselves, so the header is written here rather than delegated.
 */
final class ProblemSecurityHandlers
        implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String challenge = "Bearer";
        String detail = "this endpoint needs an access token (Authorization: Bearer …)";
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
            challenge = "Bearer error=\"" + error.getErrorCode() + "\"";
            if (error.getDescription() != null) {
                challenge += ", error_description=\"" + quoted(error.getDescription()) + "\"";
            }
            detail = "the access token was refused: it is invalid, expired, or not meant for StarCert";
        } else if (failure instanceof OAuth2AuthenticationException) {
            challenge = "Bearer error=\"invalid_token\"";
            detail = "the access token was refused: it is invalid, expired, or not meant for StarCert";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return exchange.getPrincipal().hasElement().flatMap(withToken -> {
            if (withToken) {
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_scope\", error_description=\"your role does not allow this\"");
            }
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden", "your role does not allow this");
        });
    }

    /**
     * A refused token is a 401; failing to check one at all (identity-service's key set unreachable) is not the
     * caller's fault and would otherwise surface as a 500.
     */
    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException failure) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (failure instanceof AuthenticationServiceException) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "access tokens cannot be checked right now (the signing keys could not be fetched); "
                            + "nothing was changed — try again shortly");
        }
        return commence(exchange, failure);
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "'").replaceAll("[\\r\\n]", " ");
    }
}
