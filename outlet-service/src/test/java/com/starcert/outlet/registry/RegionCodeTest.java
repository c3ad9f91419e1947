package com.starcert.outlet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    @Test
    void knowsTheProvinceOfACode() {
        assertThat(RegionCode.parse("350100").province()).isEqualTo(Province.FUJIAN);
        assertThat(RegionCode.parse(" 110105 ").province().chineseName()).isEqualTo("北京");
        assertThat(RegionCode.parse("820000").province()).isEqualTo(Province.MACAO);
        assertThat(Address.of(RegionCode.parse("410100"), "x").province()).isEqualTo("41");
    }

    @Test
    void theTableHasThe34ProvincialDivisions() {
        assertThat(Province.values()).hasSize(34);
        assertThat(Province.parse("65")).isEqualTo(Province.XINJIANG);
        assertThatThrownBy(() -> Province.parse("99")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100000", "000000", "990101", "160100", "700000"})
    void refusesUnknownProvinces(String code) {
        assertThatThrownBy(() -> RegionCode.parse(code)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not a province code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"35010", "3501000", "35010A", "35 0100", "３５０１００"})
    void refusesAnythingButSixDigits(String code) {
        assertThatThrownBy(() -> RegionCode.parse(code)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("six digits");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> RegionCode.parse(null)).hasMessage("is required");
    }
}
