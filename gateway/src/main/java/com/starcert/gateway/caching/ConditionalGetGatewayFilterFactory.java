package com.starcert.gateway.caching;

import java.util.List;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code - ConditionalGet} on a route: a {@code GET} whose {@code If-None-Match} names the answer's {@code ETag}
 * gets a bodiless 304 — also when the answer comes from the gateway's own cache ({@code LocalResponseCache}), which
 * would otherwise send the whole body again. Ordered just before that cache, so the cache still stores the full
 * answer.
 */
@Component
public class ConditionalGetGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    /** Before {@code LocalResponseCache} (-4), after the public rate limit. */
    public static final int ORDER = -5;

    public ConditionalGetGatewayFilterFactory() {
        super(Object.class);
    }

    @Override
    public GatewayFilter apply(Object config) {
        return new OrderedGatewayFilter((exchange, chain) -> {
            List<String> ifNoneMatch = exchange.getRequest().getHeaders().getIfNoneMatch();
            if (exchange.getRequest().getMethod() != HttpMethod.GET || ifNoneMatch.isEmpty()) {
                return chain.filter(exchange);
            }
            ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
                @Override
                public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                    if (HttpStatus.OK.equals(getStatusCode()) && matches(ifNoneMatch, getHeaders().getETag())) {
                        setStatusCode(HttpStatus.NOT_MODIFIED);
                        getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
                        getHeaders().remove(HttpHeaders.CONTENT_TYPE);
                        return Flux.from(body).doOnNext(DataBufferUtils::release).then(getDelegate().setComplete());
                    }
                    return super.writeWith(body);
                }
            };
            return chain.filter(exchange.mutate().response(response).build());
        }, ORDER);
    }

    /** The weak comparison RFC 9110 prescribes for {@code If-None-Match}; {@code *} matches any answer. */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        if (etag == null) {
            return false;
        }
        String tag = opaque(etag);
        return ifNoneMatch.stream().map(String::trim).anyMatch(candidate -> "*".equals(candidate)
                || opaque(candidate).equals(tag));
    }

    private static String opaque(String etag) {
        String trimmed = etag.trim();
        return trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed;
    }
}
