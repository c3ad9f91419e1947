package com.starcert.gateway.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import com.starcert.gateway.GatewaySettings;

/**
 * Who is on the other end of a request, as far as the gateway can tell without believing the client: the TCP peer,
 * or — only when that peer is one of {@code starcert.gateway.trusted-proxies} — the right-most
 * {@code X-Forwarded-For} hop that is not itself a trusted proxy. Hops to the left of it were written by whoever
 * sent the request to our proxy and may be anything, so they are never read.
 */
@Component
public class ClientAddresses {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpRange> trusted;

    public ClientAddresses(GatewaySettings settings) {
        this.trusted = settings.trustedProxies().stream().map(IpRange::parse).toList();
    }

    /** The TCP peer, when there is one. */
    public Optional<InetAddress> peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? Optional.empty() : Optional.of(remote.getAddress());
    }

    /** Whether the request came straight from a trusted proxy, so that its {@code X-Forwarded-*} can be believed. */
    public boolean fromTrustedProxy(ServerHttpRequest request) {
        return peer(request).map(this::trusted).orElse(false);
    }

    /** The client's address; empty only when not even the peer is known. */
    public Optional<InetAddress> client(ServerHttpRequest request) {
        Optional<InetAddress> peer = peer(request);
        if (peer.isEmpty() || !trusted(peer.get())) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiterals.parse(hops.get(i));
            if (hop.isEmpty()) {
                // our proxy wrote something that is not an address: do not guess, count it against the proxy
                return peer;
            }
            if (!trusted(hop.get())) {
                return hop;
            }
        }
        // every hop is a proxy of ours (a probe from inside): the farthest one is the client
        return hops.isEmpty() ? peer : IpLiterals.parse(hops.get(0)).or(() -> peer);
    }

    /**
     * The rate-limit key of an address. An IPv6 client usually holds a whole /64 and can pick any address in it, so
     * IPv6 addresses count per /64; IPv4 per address.
     */
    public static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
            }
            return key.append(":/64").toString();
        }
        return address.getHostAddress();
    }

    /** Every hop of every {@code X-Forwarded-For} header, in order. */
    public static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> hops = new ArrayList<>();
        List<String> headers = request.getHeaders().get(X_FORWARDED_FOR);
        if (headers != null) {
            for (String header : headers) {
                for (String hop : header.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(hop.trim());
                    }
                }
            }
        }
        return hops;
    }

    boolean trusted(InetAddress address) {
        for (IpRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
