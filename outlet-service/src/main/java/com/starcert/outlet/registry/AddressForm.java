package com.starcert.outlet.registry;

/** Address as a client sends it. */
public record AddressForm(String regionCode, String line) {

    static final int MAX_LINE = 300;

    /** Checks both parts, reporting problems under {@code prefix}; a missing address reports each part missing. */
    public static Address parse(AddressForm form, String prefix, Violations violations) {
        AddressForm f = form == null ? new AddressForm(null, null) : form;
        RegionCode region = violations.value(prefix + ".regionCode", f.regionCode(), RegionCode::parse);
        String line = violations.text(prefix + ".line", f.line(), MAX_LINE);
        return region == null || line == null ? null : Address.of(region, line);
    }
}
