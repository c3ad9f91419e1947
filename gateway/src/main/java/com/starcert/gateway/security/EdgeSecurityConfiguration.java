package com.starcert.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The gateway is an OAuth2 resource server: it validates every bearer token it is sent (signature against
 * identity-service's JWK set, issuer, audience, expiry — Spring Boot's settings, mapped from
 * {@code starcert.security.*} in {@code application.yml}) and applies coarse rules per route before anything is
 * proxied. The services validate the same token again (it is relayed unchanged) and apply the fine-grained and
 * object-level rules; the edge only keeps out what can never succeed.
 *
 * <ul>
 *   <li>identity-service's pages and OAuth2 endpoints ({@code /oauth2/**}, {@code /login}, {@code /logout},
 *       {@code /.well-known/**}) pass through untouched: no CSRF check, no logout handling, no headers — that
 *       service runs its own sign-in, CSRF protection and client authentication, and its cookies are its own.</li>
 *   <li>{@code /actuator/health} answers everyone with the status, details for OPERATOR; other actuator endpoints
 *       are OPERATOR only.</li>
 *   <li>{@code /api/public/**} is open; a token sent there must still be valid (else 401).</li>
 *   <li>{@code /api/operations/**} (re-driving dead letters) is OPERATOR only.</li>
 *   <li>every other {@code /api/**} path needs a valid token of a role that has business data: OPERATOR and
 *       INTEGRATOR get a 403 there.</li>
 *   <li>anything else (including {@code /fallback/**}, which only the circuit breakers forward to) is refused,
 *       so a route added later outside these paths stays closed until it is given a rule here.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

    /**
     * Remembers verified tokens ({@link VerifiedTokens}): {@code starcert.security.verified-tokens.maximum-size}
     * (default 10000, 0 remembers nothing) and {@code starcert.security.verified-tokens.max-age} (default 5 minutes).
     */
    @Bean
    static BeanPostProcessor verifiedTokensPostProcessor(Environment environment) {
        long size = environment.getProperty("starcert.security.verified-tokens.maximum-size", Long.class, 10_000L);
        Duration maxAge = environment.getProperty("starcert.security.verified-tokens.max-age", Duration.class,
                Duration.ofMinutes(5));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    return new VerifiedTokens(decoder, size, maxAge);
                }
                return bean;
            }
        };
    }

    /**
     * A request Spring Security's firewall refuses (an encoded slash or dot segment in the path — {@code ..%2f},
     * {@code %2e%2e}, {@code ;} —, a header or host it does not allow) is a 400 problem naming the path, like every
     * other refusal, instead of an empty 400.
     */
    @Bean
    static BeanPostProcessor firewallProblems() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof org.springframework.security.web.server.WebFilterChainProxy proxy) {
                    proxy.setExchangeRejectedHandler((exchange, refused) -> com.starcert.gateway.Problems.write(
                            exchange, org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid request",
                            "path: refused (" + refused.getMessage() + ")", java.util.List.of(java.util.Map.of(
                                    "field", "path", "reason", "encoded slashes, dot segments, ';' and the like are "
                                            + "not accepted in a StarCert path"))));
                }
                return bean;
            }
        };
    }

    /**
     * Fetching identity-service's JWK set is bounded ({@code starcert.security.jwk-set-timeout}, default 5 s, for
     * connecting and for the answer) and uses its own small connection pool, so a key set that does not answer
     * turns into a prompt 503 problem ({@link ProblemSecurityHandlers}) instead of a request held open until the
     * client gives up. Connections are not kept idle: the key set is fetched rarely (at start and when a token names
     * a key not yet known), and a pooled connection the other side has already closed is a needless failure.
     */
    @Bean
    JwkSetUriReactiveJwtDecoderBuilderCustomizer boundedKeySetFetch(Environment environment) {
        Duration timeout = environment.getProperty("starcert.security.jwk-set-timeout", Duration.class,
                Duration.ofSeconds(5));
        HttpClient http = HttpClient.create(ConnectionProvider.newConnection())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
        WebClient keySet = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        return builder -> builder.webClient(keySet);
    }

    /** Served by identity-service and open to everyone; identity-service protects them itself. */
    static final String[] IDENTITY_PAGES = {"/oauth2/**", "/login", "/logout", "/.well-known/**"};

    @Bean
    @Order(0)
    SecurityWebFilterChain identityPages(ServerHttpSecurity http) {
        return stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(IDENTITY_PAGES))
                .headers(headers -> headers.disable())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain api(ServerHttpSecurity http) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(new TokenClaims());
        tokens.setPrincipalClaimName("sub");
        return stateless(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole(Roles.OPERATOR)
                        .pathMatchers("/api/public/**").permitAll()
                        .pathMatchers("/api/operations/**").hasRole(Roles.OPERATOR)
                        .pathMatchers("/api/**").hasAnyRole(Roles.BUSINESS)
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(tokens)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .authenticationFailureHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * No sessions, saved requests, CSRF tokens, form or basic login, and no {@code /logout} handler (Spring
     * Security's reactive default would answer identity-service's {@code POST /logout} itself).
     */
    private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http.csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }
}
