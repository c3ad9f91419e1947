package com.starcert.gateway.ratelimit;

import java.util.Optional;
import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.starcert.gateway.Problems;
import com.starcert.gateway.client.ClientAddresses;
import com.starcert.gateway.security.TokenClaims;

/**
 * The {@code PublicRateLimit} route filter: one token from the caller's bucket per request, or a 429 problem with
 * {@code Retry-After} (seconds). It runs after the token was checked, so a token's scopes can lift the limit; a
 * refused token never reaches it (401 first).
 */
@Component
class PublicRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final PublicRateLimiter limiter;
    private final ClientAddresses addresses;

    PublicRateLimitGatewayFilterFactory(PublicRateLimiter limiter, ClientAddresses addresses) {
        super(Object.class);
        this.limiter = limiter;
        this.addresses = addresses;
    }

    /**
     * Before the public answer cache ({@code LocalResponseCache}, -4) and the conditional GET (-5): an answer from
     * the cache counts against the bucket like any other.
     */
    static final int ORDER = -10;

    @Override
    public GatewayFilter apply(Object config) {
        return new OrderedGatewayFilter(this::limit, ORDER);
    }

    private Mono<Void> limit(ServerWebExchange exchange, org.springframework.cloud.gateway.filter.GatewayFilterChain chain) {
        return caller(exchange).flatMap(caller -> {
            String address = addresses.client(exchange.getRequest()).map(ClientAddresses::key).orElse("unknown");
            PublicRateLimiter.Tier tier = limiter.tier(address, caller.subject(), caller.scopes());
            PublicRateLimiter.Decision decision = limiter.tryAcquire(tier);
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    String.valueOf(decision.retryAfterSeconds()));
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "more than " + tier.limit().rate() + " requests per second (bursts of "
                            + tier.limit().burst() + ") " + (tier.scope() == null ? "from your address"
                            : "for your client") + "; try again after " + decision.retryAfterSeconds() + " s");
        });
    }

    /** The validated token's subject and scopes, when one was sent; nothing for anonymous callers. */
    private static Mono<Caller> caller(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> ((JwtAuthenticationToken) p).getToken())
                .map(jwt -> new Caller(Optional.ofNullable(jwt.getSubject()), TokenClaims.scopes(jwt)))
                .defaultIfEmpty(new Caller(Optional.empty(), Set.of()));
    }

    private record Caller(Optional<String> subject, Set<String> scopes) {
    }
}
