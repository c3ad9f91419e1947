package com.starcert.gateway.headers;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.starcert.gateway.client.ClientAddresses;

/**
 * Tells the services the public URL a request came in on ({@code X-Forwarded-Proto}, {@code -Host}, {@code -Port})
 * and who sent it ({@code X-Forwarded-For}), so identity-service ({@code server.forward-headers-strategy:
 * framework}) builds its login redirects and form actions with the gateway's address rather than its own.
 *
 * <p>Spring Cloud Gateway 2025 does not do this by default: unless
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} (a regular expression) is set, its
 * {@code XForwardedHeadersFilter} is not created and {@code RemoveXForwardedHeadersFilter} strips every
 * {@code X-Forwarded-*} header instead; and it sends the service's own host as {@code Host}. Setting that regular
 * expression would make it append the client's own {@code X-Forwarded-Host} in front of ours, which Spring's
 * forwarded-header handling then prefers. So that property stays unset (the client's headers are stripped) and
 * this filter, running after the strip, writes the headers from the gateway's own view — believing the incoming
 * ones only from {@code starcert.gateway.trusted-proxies}, the same rule the rate limit uses.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";
    static final String FOR = "X-Forwarded-For";

    private final ClientAddresses addresses;

    ForwardedHeaders(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders incoming = request.getHeaders();
        HttpHeaders updated = new HttpHeaders();
        input.headerSet().forEach(e -> updated.addAll(e.getKey(), e.getValue()));
        Optional<InetAddress> peer = addresses.peer(request);
        boolean viaProxy = addresses.fromTrustedProxy(request);

        if (viaProxy && (incoming.getFirst(PROTO) != null || incoming.getFirst(HOST) != null)) {
            // the public URL is the proxy's: pass on what it says (no port of ours mixed into its host)
            copy(incoming, updated, PROTO);
            copy(incoming, updated, HOST);
            copy(incoming, updated, PORT);
        } else {
            URI uri = request.getURI();
            String proto = uri.getScheme() == null ? "http" : uri.getScheme();
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(proto) ? 443 : 80;
            updated.set(PROTO, proto);
            updated.set(PORT, String.valueOf(port));
            if (uri.getHost() != null) {
                updated.set(HOST, isDefault(proto, port) ? uri.getHost() : uri.getHost() + ":" + port);
            }
        }

        List<String> hops = viaProxy ? ClientAddresses.forwardedFor(request) : List.of();
        String chain = String.join(", ", hops);
        String self = peer.map(InetAddress::getHostAddress).orElse(null);
        if (self != null) {
            chain = chain.isEmpty() ? self : chain + ", " + self;
        }
        if (!chain.isEmpty()) {
            updated.set(FOR, chain);
        }
        return updated;
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String name) {
        List<String> values = from.get(name);
        if (values != null && !values.isEmpty()) {
            to.remove(name);
            to.addAll(name, values);
        }
    }

    private static boolean isDefault(String proto, int port) {
        return ("http".equals(proto) && port == 80) || ("https".equals(proto) && port == 443);
    }

    @Override
    public int getOrder() {
        // after Spring Cloud Gateway's RemoveXForwardedHeadersFilter / RemoveForwardedHeadersFilter (order 0)
        return 10;
    }
}
