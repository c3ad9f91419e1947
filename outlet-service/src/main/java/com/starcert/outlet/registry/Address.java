package com.starcert.outlet.registry;

/**
 * A postal address as registered: region code, its province (two-digit code, kept for filtering and sampling
 * spread) and the street line.
 */
public record Address(String regionCode, String province, String line) {

    public static Address of(RegionCode region, String line) {
        return new Address(region.value(), region.province().code(), line);
    }
}
