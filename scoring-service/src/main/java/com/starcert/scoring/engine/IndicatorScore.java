package com.starcert.scoring.engine;

import java.util.List;

import com.starcert.contracts.Scheme;

/**
 * One second-level indicator (二级指标) of the score card. {@code conformity} and {@code earned} are null when the
 * indicator is not applicable: excluded for the whole audit (删减, with its justification) or not applicable at
 * every site where it is assessed; its points then leave the applicable total (涉及项分值).
 */
public record IndicatorScore(Scheme.Indicator indicator, boolean excluded, String justification,
                             Rational conformity, Rational earned, List<SiteAssessment> sites) {

    public IndicatorScore {
        sites = List.copyOf(sites);
    }

    public boolean applicable() {
        return conformity != null;
    }

    public Rational points() {
        return Rational.of(indicator.points());
    }
}
