package com.starcert.outlet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", "91110000600037341L", // the examples of docs/domain.md §6
            // computed with the GB 32100 weights: 31 - (sum mod 31), 31 -> 0
            "91440300MA5FXXXXXM", "91310000MA1FL0000N", "92330102MA2H00000E", "12100000400000000W",
            "91420100MA4K00001U"})
    void acceptsValidCodes(String code) {
        assertThat(Uscc.parse(code).value()).isEqualTo(code);
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(Uscc.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(Uscc.checkCharacter("91110000600037341")).isEqualTo('L');
    }

    @Test
    void checkOf31BecomesZero() {
        // 31 - (sum mod 31) is 31 exactly when the sum is a multiple of 31, e.g. all zeros
        assertThat(Uscc.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(Uscc.parse("000000000000000000").value()).isEqualTo("000000000000000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91110000600037341K", "91350100M000100Y4L"})
    void refusesAWrongCheckCharacter(String code) {
        assertThatThrownBy(() -> Uscc.parse(code)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check character");
    }

    @Test
    void acceptsLowerCaseAndSpacesAroundByNormalising() {
        assertThat(Uscc.parse("  91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
        // the record itself holds only the canonical form
        assertThatThrownBy(() -> new Uscc("91350100m000100y43")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void refusesLettersOutsideTheAlphabet(char letter) {
        String code = "91350100M000100Y4" + letter;
        assertThatThrownBy(() -> Uscc.parse(code)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'" + letter + "' at position 18");
        String inBody = "9135010" + letter + "M000100Y43";
        assertThatThrownBy(() -> Uscc.parse(inBody)).hasMessageContaining("position 8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "1", "91350100-000100Y43"})
    void refusesWrongLengthOrSymbols(String code) {
        assertThatThrownBy(() -> Uscc.parse(code)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusesNullAndBlank() {
        assertThatThrownBy(() -> Uscc.parse(null)).hasMessage("is required");
        assertThatThrownBy(() -> Uscc.parse("  ")).hasMessage("is required");
        assertThatThrownBy(() -> new Uscc(null)).hasMessage("is required");
    }

    @Test
    void exposesTheRegistrationRegion() {
        assertThat(Uscc.parse("91350100M000100Y43").registrationRegion()).isEqualTo("350100");
    }
}
