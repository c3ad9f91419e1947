package com.starcert.support.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server: it validates the access token itself (issuer, audience, signature
 * against the JWK set — settings of Spring Boot's resource server, defaulted by {@link SecurityDefaults}) and
 * enforces its own rules, so a service port reached past the gateway is no way round them.
 *
 * <ul>
 *   <li>{@code /actuator/health} answers everyone with the status only; details and every other actuator
 *       endpoint need OPERATOR.</li>
 *   <li>{@code /api/public/**} is open; a valid token there is honoured, an invalid one answers 401.</li>
 *   <li>Everything else needs a valid token; each endpoint names its roles with {@code @RolesAllowed} (or
 *       {@code @PermitAll}), and object-level rules use {@link Caller}.</li>
 * </ul>
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain starcertSecurityFilterChain(HttpSecurity http, JwtAuthenticationConverter tokens)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.OPERATOR)
                        .requestMatchers("/api/public/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** {@code roles} → {@code ROLE_…}, {@code scope} → {@code SCOPE_…}; the principal's name is {@code sub}. */
    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter starcertJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new ClaimAuthorities());
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    /**
     * Remembers verified tokens ({@link VerifiedTokens}): {@code starcert.security.verified-tokens.maximum-size}
     * (default 10000, 0 switches it off) and {@code starcert.security.verified-tokens.max-age} (default 5 minutes).
     */
    @Bean
    static BeanPostProcessor verifiedTokensPostProcessor(Environment environment) {
        long size = environment.getProperty("starcert.security.verified-tokens.maximum-size", Long.class, 10_000L);
        Duration maxAge = environment.getProperty("starcert.security.verified-tokens.max-age", Duration.class,
                Duration.ofMinutes(5));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens) && size > 0) {
                    return new VerifiedTokens(decoder, size, maxAge);
                }
                return bean;
            }
        };
    }

    /**
     * Fetching the issuer's JWK set is bounded ({@code starcert.security.jwk-set-timeout}, default 5 s, for
     * connecting and for the answer), so a key set that does not answer is a prompt 503 problem instead of a request
     * thread held for ever.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer boundedKeySetFetch(Environment environment) {
        Duration timeout = environment.getProperty("starcert.security.jwk-set-timeout", Duration.class,
                Duration.ofSeconds(5));
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        RestTemplate keySet = new RestTemplate(requests);
        return builder -> builder.restOperations(keySet);
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    static final class ClaimAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {
        @Override
        public Collection<GrantedAuthority> convert(Jwt jwt) {
            Caller caller = Callers.of(jwt);
            List<GrantedAuthority> authorities = new ArrayList<>();
            caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            caller.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
            return authorities;
        }
    }
}
