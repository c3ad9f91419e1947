package com.starcert.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void arithmeticIsExactAndNormalised() {
        Rational twoThirds = Rational.of(2, 3);
        assertThat(twoThirds.plus(twoThirds).plus(twoThirds)).isEqualTo(Rational.of(2));
        assertThat(Rational.of(6, -4)).isEqualTo(Rational.of(-3, 2));
        assertThat(Rational.of(new BigDecimal("0.70"))).isEqualTo(Rational.of(7, 10));
        assertThat(Rational.of(new BigDecimal("1E+2"))).isEqualTo(Rational.of(100));
    }

    @Test
    void floorRoundsDownAndDisplayRoundsHalfUp() {
        assertThat(Rational.of(6995, 100).floor(1)).isEqualTo(new BigDecimal("69.9"));
        assertThat(Rational.of(70).floor(1)).isEqualTo(new BigDecimal("70.0"));
        assertThat(Rational.of(-1, 3).floor(1)).isEqualTo(new BigDecimal("-0.4"));
        assertThat(Rational.of(2, 3).toDecimal(4)).isEqualTo(new BigDecimal("0.6667"));
    }

    @Test
    void clamps() {
        assertThat(Rational.of(-5).clamp(Rational.ZERO, Rational.of(100))).isEqualTo(Rational.ZERO);
        assertThat(Rational.of(101).clamp(Rational.ZERO, Rational.of(100))).isEqualTo(Rational.of(100));
    }
}
