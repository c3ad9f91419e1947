package com.starcert.scoring.engine;

import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditedSite;

/**
 * One indicator at one site where the scheme assesses it: the finding and the conformity c it gives
 * (1, 0, or 1 − nonconforming/checked for a sampled indicator); {@code conformity} is null when the site marked
 * the indicator not applicable, so the site drops out of the indicator's mean.
 */
public record SiteAssessment(AuditedSite site, Finding finding, Rational conformity) {

    public boolean counted() {
        return conformity != null;
    }
}
