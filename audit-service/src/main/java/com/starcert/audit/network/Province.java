package com.starcert.audit.network;

/** GB/T 2260: the first two digits of a region code are the province. */
public final class Province {

    private Province() {
    }

    /** The two-digit province code, or null when the region code is missing or too short. */
    public static String of(String regionCode) {
        if (regionCode == null || regionCode.length() < 2) {
            return null;
        }
        return regionCode.substring(0, 2);
    }
}
