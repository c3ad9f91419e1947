package com.starcert.gateway.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an IP address written as text (a hop of {@code X-Forwarded-For}, a trusted-proxy setting) without ever
 * asking DNS: {@link InetAddress#getByName} looks a name up when the text is not a literal, and a header value must
 * never make the gateway resolve names.
 */
final class IpLiterals {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(" + IPV4.pattern() + ")(:\\d{1,5})?");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {
    }

    /**
     * The address written in {@code text}: {@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code 2001:db8::1} or
     * {@code [2001:db8::1]:4711}; empty for anything else (names, {@code unknown}, obfuscated identifiers).
     */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            s = s.substring(1, end);
        } else {
            var v4 = IPV4_WITH_PORT.matcher(s);
            if (v4.matches()) {
                s = v4.group(1);
                return literal(s);
            }
        }
        if (s.indexOf(':') >= 0 && IPV6_TEXT.matcher(s).matches()) {
            // in brackets InetAddress treats the text as an IPv6 literal and refuses it rather than resolving it
            return literal("[" + s + "]");
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> literal(String s) {
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
