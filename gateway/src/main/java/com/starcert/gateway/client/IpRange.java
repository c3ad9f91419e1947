package com.starcert.gateway.client;

import java.net.InetAddress;

/**
 * One trusted-proxy entry: an address ({@code 10.0.0.7}, {@code ::1}) or a CIDR block ({@code 10.0.0.0/8},
 * {@code fd00::/8}).
 */
record IpRange(byte[] network, int prefixLength, String text) {

    /** Reads a setting; a malformed entry stops the start-up rather than silently trusting nothing or everything. */
    static IpRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress base = IpLiterals.parse(address).orElseThrow(() -> new IllegalArgumentException(
                "starcert.gateway.trusted-proxies: '" + text + "' is not an IP address or CIDR block"));
        byte[] bytes = base.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("starcert.gateway.trusted-proxies: '" + text
                        + "' has a prefix length outside 0.." + bits);
            }
        }
        return new IpRange(bytes, prefix, trimmed);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
