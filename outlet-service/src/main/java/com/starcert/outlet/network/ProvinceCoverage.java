package com.starcert.outlet.network;

/**
 * Active outlets of an enterprise in one province and the best commitment any of them makes for each measure —
 * the evidence a tender asks for ("an outlet in Henan that is on site within 4 hours"). The three best values are
 * taken independently, so they may come from different outlets; filter by a commitment to ask for one outlet that
 * meets it.
 */
public record ProvinceCoverage(String province, String provinceName, long activeOutlets, Integer bestResponseHours,
                               Integer bestOnSiteHours, Integer bestResolutionHours) {
}
