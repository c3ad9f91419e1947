package com.starcert.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * A scoring scheme version: the indicator list, points and where each indicator is assessed.
 * The default GB/T 27922-2011 allocation ships as {@code schemes/GBT27922-2011/1.json}; audit-service plans
 * and validates findings against the scheme version it pins, scoring-service scores with the same version.
 */
public record Scheme(String id, int version, String title, List<Indicator> indicators) {

    public static final String DEFAULT_ID = "GBT27922-2011";
    public static final int DEFAULT_VERSION = 1;

    /** Where an indicator is assessed: the central function only, every audited outlet, or both. */
    public enum Scope {
        CENTRAL, SITES, CENTRAL_AND_SITES;

        public boolean atCentral() {
            return this != SITES;
        }

        public boolean atOutlets() {
            return this != CENTRAL;
        }
    }

    /** A second-level indicator (二级指标). */
    public record Indicator(String code, String group, String nameZh, String nameEn, BigDecimal points,
                            Scope scope, boolean sampled) {
    }

    public SchemeRef ref() {
        return new SchemeRef(id, version);
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /**
     * Whether an indicator is assessed at a site. An enterprise audited at its central function alone
     * has that site assessed for every indicator (docs/domain.md §4).
     */
    public static boolean assessedAt(Indicator indicator, boolean centralSite, boolean centralOnlyAudit) {
        if (centralOnlyAudit) {
            return true;
        }
        return centralSite ? indicator.scope().atCentral() : indicator.scope().atOutlets();
    }

    /** The default scheme of docs/domain.md §2, loaded from the classpath. */
    public static Scheme defaultScheme() {
        return load(DEFAULT_ID, DEFAULT_VERSION);
    }

    public static Scheme load(String id, int version) {
        String path = "/schemes/" + id + "/" + version + ".json";
        try (InputStream in = Scheme.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no scheme " + id + " version " + version);
            }
            return JsonMapper.builder().build().readValue(in, Scheme.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
