package com.starcert.contracts;

import java.math.BigDecimal;

/** Score bands of GB/T 27922: 五星级, 四星级, 三星级, 达标, and below 70 not certified. */
public enum Band {
    FIVE_STAR(new BigDecimal("95")),
    FOUR_STAR(new BigDecimal("90")),
    THREE_STAR(new BigDecimal("80")),
    COMPLIANT(new BigDecimal("70")),
    NOT_CERTIFIED(BigDecimal.ZERO);

    private final BigDecimal threshold;

    Band(BigDecimal threshold) {
        this.threshold = threshold;
    }

    public BigDecimal threshold() {
        return threshold;
    }

    /** The band of a shown (already rounded-down) score. */
    public static Band of(BigDecimal shownScore) {
        for (Band band : values()) {
            if (shownScore.compareTo(band.threshold) >= 0) {
                return band;
            }
        }
        return NOT_CERTIFIED;
    }

    public boolean certifiable() {
        return this != NOT_CERTIFIED;
    }
}
