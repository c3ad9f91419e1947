package com.starcert.gateway.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.starcert.gateway.Problems;

/**
 * A request whose announced body ({@code Content-Length}) is larger than its path accepts is answered 413 at the
 * edge, before a byte of it is forwarded. The services check the same limits themselves, but a service that refuses
 * a large body early closes the connection while the gateway is still sending it, and the gateway then sees a reset
 * instead of the service's answer: the caller would get a 503 "outcome unknown" for a request that changed nothing.
 * Bodies sent without a length (chunked) are forwarded and counted by the service.
 */
@Component
class RequestBodyLimit implements GlobalFilter, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final Limits limits;

    RequestBodyLimit(Limits limits) {
        this.limits = limits;
    }

    /**
     * @param maxBodySize       the largest request body accepted where no path pattern says otherwise
     * @param maxBodySizeByPath larger limits by Ant-style path pattern (first match wins); keep each at least what
     *                          the service behind it accepts (findings 8 MB, evidence files 12 MB, outlet imports 65 MB)
     */
    @ConfigurationProperties("starcert.gateway")
    record Limits(@DefaultValue("1MB") DataSize maxBodySize, Map<String, DataSize> maxBodySizeByPath) {

        Limits {
            maxBodySizeByPath = maxBodySizeByPath == null ? Map.of() : new LinkedHashMap<>(maxBodySizeByPath);
        }

        long limitFor(String path) {
            return maxBodySizeByPath.entrySet().stream().filter(e -> PATHS.match(e.getKey(), path))
                    .map(e -> e.getValue().toBytes()).findFirst().orElse(maxBodySize.toBytes());
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long announced = exchange.getRequest().getHeaders().getContentLength();
        if (announced <= 0) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        long limit = limits.limitFor(path);
        if (announced <= limit) {
            return chain.filter(exchange);
        }
        String reason = "is " + announced + " bytes; at most " + limit + " bytes are accepted here";
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "the request body " + reason, List.of(Map.of("field", "$", "reason", reason)));
    }

    @Override
    public int getOrder() {
        // right after the correlation id, before anything forwards the body
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
