package com.starcert.support.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The suite's token settings, written once for every service as the lowest-precedence defaults, so a service's
 * own {@code application.yml} and the environment still win. An operator sets three things for the whole suite:
 * {@code STARCERT_SECURITY_ISSUER} (the {@code iss} of the tokens: the gateway's public URL with identity-service,
 * or another OpenID Connect provider's issuer), {@code STARCERT_SECURITY_JWKSETURI} (where the signing keys are
 * fetched from, an internal address is fine) and {@code STARCERT_SECURITY_AUDIENCE} ({@code starcert}).
 */
public class SecurityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "starcertSecurityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "${starcert.security.issuer:http://localhost:8080}");
        defaults.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "${starcert.security.jwk-set-uri:http://localhost:9000/oauth2/jwks}");
        defaults.put("spring.security.oauth2.resourceserver.jwt.audiences", "${starcert.security.audience:starcert}");
        // the status for everyone (load balancers, the launcher), the details for operators
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.show-components", "when-authorized");
        defaults.put("management.endpoint.health.roles", Roles.OPERATOR);
        // no observation (timer, span) per security filter, authentication and authorization: on a look-up they cost
        // about as much as the answer; the request itself is still observed (http.server.requests)
        defaults.put("management.observations.enable.spring.security", "false");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
