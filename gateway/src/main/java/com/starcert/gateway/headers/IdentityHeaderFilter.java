package com.starcert.gateway.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.starcert.gateway.GatewaySettings;

/**
 * Removes every request header that names an identity ({@code starcert.gateway.identity-headers}) before any route
 * sees the request. Only the access token says who calls; a service, a log line or a future filter that reads
 * such a header must never meet one a client wrote. Applies to every route, like a default filter.
 */
@Component
class IdentityHeaderFilter implements GlobalFilter, Ordered {

    private final Predicate<String> identityHeader;

    IdentityHeaderFilter(GatewaySettings settings) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String name : settings.identityHeaders()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("*")) {
                prefixes.add(lower.substring(0, lower.length() - 1));
            } else {
                exact.add(lower);
            }
        }
        identityHeader = header -> {
            String lower = header.toLowerCase(Locale.ROOT);
            return exact.contains(lower) || prefixes.stream().anyMatch(lower::startsWith);
        };
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> sent = headers.headerNames().stream().filter(identityHeader).toList();
        if (sent.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(r -> r.headers(h -> sent.forEach(h::remove))).build());
    }

    @Override
    public int getOrder() {
        // right after the correlation id, before anything that could read or forward a header
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
