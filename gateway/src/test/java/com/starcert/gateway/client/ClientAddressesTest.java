package com.starcert.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import com.starcert.gateway.GatewaySettings;

/** Which address a request counts against, and how trusted-proxy entries and forwarded hops are read. */
class ClientAddressesTest {

    final ClientAddresses behindProxies = new ClientAddresses(
            new GatewaySettings(List.of("10.0.0.0/8", "192.168.1.10", "fd00::/8"), null));
    final ClientAddresses direct = new ClientAddresses(new GatewaySettings(List.of(), null));

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        var request = from("203.0.113.9", "198.51.100.1");
        assertThat(client(direct, request)).isEqualTo("203.0.113.9");
        assertThat(direct.fromTrustedProxy(request)).isFalse();
    }

    @Test
    void anUntrustedPeersForwardedForIsIgnored() {
        assertThat(client(behindProxies, from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        assertThat(client(behindProxies, from("10.0.0.5", "198.51.100.1"))).isEqualTo("198.51.100.1");
        // the client wrote the left hops itself; our proxies wrote the right ones
        assertThat(client(behindProxies, from("10.0.0.5", "1.2.3.4, 198.51.100.1, 10.9.9.9, 192.168.1.10")))
                .isEqualTo("198.51.100.1");
        assertThat(client(behindProxies, from("10.0.0.5", "198.51.100.1:4711"))).isEqualTo("198.51.100.1");
        assertThat(client(behindProxies, from("fd00::1", "[2001:db8::7]:443"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        // several headers read as one list
        var twoHeaders = MockServerHttpRequest.get("/api/public/x")
                .remoteAddress(new InetSocketAddress("10.0.0.5", 40000))
                .header("X-Forwarded-For", "198.51.100.1").header("X-Forwarded-For", "198.51.100.2").build();
        assertThat(client(behindProxies, twoHeaders)).isEqualTo("198.51.100.2");
    }

    @Test
    void whatIsNotAnAddressIsNeverResolvedAndCountsAgainstTheProxy() {
        assertThat(client(behindProxies, from("10.0.0.5", "unknown"))).isEqualTo("10.0.0.5");
        assertThat(client(behindProxies, from("10.0.0.5", "evil.example"))).isEqualTo("10.0.0.5");
        assertThat(client(behindProxies, from("10.0.0.5", "1.2.3.4, 010.1.1.1"))).isEqualTo("10.0.0.5");
        assertThat(IpLiterals.parse("localhost")).isEmpty();
        assertThat(IpLiterals.parse("abc:def:::")).isEmpty();
        assertThat(IpLiterals.parse("1.2.3")).isEmpty();
    }

    @Test
    void aRequestFromInsideOnlyCountsAgainstTheFarthestProxy() {
        assertThat(client(behindProxies, from("10.0.0.5", "10.1.1.1, 10.2.2.2"))).isEqualTo("10.1.1.1");
        assertThat(client(behindProxies, from("10.0.0.5", null))).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6ClientsCountPerSlash64() throws Exception {
        assertThat(ClientAddresses.key(InetAddress.getByName("2001:db8:1:2:aaaa::1")))
                .isEqualTo(ClientAddresses.key(InetAddress.getByName("2001:db8:1:2:bbbb::9")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.key(InetAddress.getByName("198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void rangesMatchByPrefix() throws Exception {
        IpRange range = IpRange.parse("172.16.0.0/12");
        assertThat(range.contains(InetAddress.getByName("172.31.255.255"))).isTrue();
        assertThat(range.contains(InetAddress.getByName("172.32.0.0"))).isFalse();
        assertThat(range.contains(InetAddress.getByName("::ffff:172.16.0.1"))).isTrue();
        assertThat(IpRange.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(IpRange.parse("::1").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted-proxies");
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        var builder = MockServerHttpRequest.get("/api/public/x").remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.build();
    }

    private static String client(ClientAddresses addresses, MockServerHttpRequest request) {
        return addresses.client(request).map(InetAddress::getHostAddress).orElseThrow();
    }
}
