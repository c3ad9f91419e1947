package com.starcert.support.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem+json like every other error, keeping the {@code WWW-Authenticate: Bearer}
 * header that OAuth 2.0 clients read (RFC 6750).
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
        AuthenticationFailureHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        bearerEntryPoint.commence(request, response, authException);
        write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                authException instanceof org.springframework.security.authentication.InsufficientAuthenticationException
                        ? "this endpoint needs an access token (Authorization: Bearer …)"
                        : "the access token was refused: it is invalid, expired, or not meant for StarCert");
    }

    /**
     * A bearer token that could not be checked at all — the signing keys could not be fetched (identity-service or
     * the OpenID Connect provider unreachable) — is a 503, not a 500 and not the caller's fault (401).
     */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", "5");
            write(response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "the access token cannot be checked right now (the token issuer's keys are unreachable); "
                            + "try again shortly");
            return;
        }
        commence(request, response, exception);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        bearerDenied.handle(request, response, accessDeniedException);
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "your role does not allow this");
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
