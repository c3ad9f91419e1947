package com.starcert.identity.security;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import tools.jackson.databind.json.JsonMapper;

import com.starcert.identity.IdentitySettings;
import com.starcert.identity.account.Lockout;
import com.starcert.identity.account.Role;
import com.starcert.identity.client.ApiClients;
import com.starcert.identity.client.LockingClientSecretAuthenticationProvider;
import com.starcert.identity.client.MongoRegisteredClientRepository;
import com.starcert.identity.client.PublicClientRefreshAuthentication;

/**
 * Three filter chains, tried in order:
 * <ol>
 * <li>the authorization server's protocol endpoints ({@code /oauth2/**}, {@code /.well-known/**},
 * {@code /userinfo}, {@code /connect/logout});</li>
 * <li>the management API and actuator: a stateless resource server for this service's own tokens;</li>
 * <li>everything else: the login page, form login and logout, with a session.</li>
 * </ol>
 * People sign in through {@code LockingUserAuthenticationProvider}, the one authentication provider bean, which
 * Spring Security makes the global authentication manager's only provider.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, MongoRegisteredClientRepository registeredClients,
                                            ApiClients clients, Lockout lockout) {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        .oidc(Customizer.withDefaults())
                        .clientAuthentication(clientAuthentication -> clientAuthentication
                                .authenticationConverter(new PublicClientRefreshAuthentication.Converter())
                                .authenticationProviders(providers -> {
                                    if (lockout.appliesToClients()) {
                                        providers.replaceAll(p -> p instanceof ClientSecretAuthenticationProvider
                                                ? new LockingClientSecretAuthenticationProvider(p, clients, lockout)
                                                : p);
                                    }
                                    providers.add(0, new PublicClientRefreshAuthentication.Provider(
                                            registeredClients));
                                })))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // a browser that is not signed in goes to the login page, and comes back after it; a client that
                // did not authenticate at the token, introspection or revocation endpoint gets OAuth 2.0's
                // invalid_client (RFC 6749 §5.2), and any other caller a bearer-token 401 — not a redirect to a
                // login page (an Accept of */* is not taken for a browser)
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                browsers())
                        .defaultAuthenticationEntryPointFor(SecurityConfiguration::clientAuthenticationRequired,
                                new OrRequestMatcher(
                                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/token"),
                                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/introspect"),
                                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/revoke")))
                        .defaultAuthenticationEntryPointFor(new BearerTokenAuthenticationEntryPoint(),
                                AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** Requests that name HTML among what they accept; {@code *}{@code /*} alone does not make a browser. */
    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        return html;
    }

    /** 401 {@code invalid_client}, as a token endpoint answers a client that could not be authenticated. */
    private static void clientAuthenticationRequired(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException failure) throws java.io.IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"StarCert\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"invalid_client\",\"error_description\":\"client authentication "
                + "is required: send the client id and secret (HTTP Basic, or client_id and client_secret in the "
                + "form)\"}");
    }

    @Bean
    @Order(2)
    SecurityFilterChain managementApi(HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper json) {
        ProblemJsonSecurityHandlers problems = new ProblemJsonSecurityHandlers(json);
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(authorize -> authorize
                        // status for anyone (probes); details only for OPERATOR (management.endpoint.health.roles)
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
                        // which enterprise is decided by the controller (another enterprise's route is a 404)
                        .requestMatchers(HttpMethod.POST, "/api/enterprises/*/api-clients")
                        .hasAnyRole(Role.CB_ADMIN.name(), Role.ENTERPRISE.name())
                        .anyRequest().hasRole(Role.CB_ADMIN.name()))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // bearer tokens only, no cookies: nothing for CSRF to ride on
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain signIn(HttpSecurity http) {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/logout", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(failures).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** Hashes as {@code {bcrypt}…}, and still reads whatever older format a stored hash names. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A fixed issuer: tokens name the gateway's public URL, whichever instance or port issued them. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    /**
     * Checks this service's own tokens in-process against its own key (no HTTP round trip to its JWK set),
     * with the issuer and the StarCert audience required. Also used by the OpenID Connect userinfo endpoint.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentitySettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(settings.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), audience));
        return decoder;
    }

    /** The {@code roles} claim as {@code ROLE_*} authorities (scopes are not used for decisions here). */
    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
