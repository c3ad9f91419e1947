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
            // computed with the GB 32100 weights: 31 - (sum mod 31), 31 -> 0, the organisation code's (characters
            // 9-17) with the GB 11714 ones: 11 - (sum mod 11), 10 -> X, 11 -> 0
            "91440300MA5FXXXXXM", "91310000MA1FL0007C", "92330102MA2H000061", "1210000040000000XN",
            "91420100MA4K00002Y"})
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

    @ParameterizedTest
    @ValueSource(strings = {"91310000MA1FL0000N", "92330102MA2H00000E", "91420100MA4K00001U"})
    void refusesAnOrganisationCodeWithAWrongCheckCharacterEvenWhenTheWholeCodeChecks(String code) {
        assertThat(Uscc.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
        assertThatThrownBy(() -> Uscc.parse(code)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("organisation code (characters 9–17)");
    }

    @Test
    void aCodeRegisteredBeforeTheOrganisationCheckIsStillLookedUp() {
        assertThat(Uscc.lookupValue(" 91310000ma1fl0000n ")).isEqualTo("91310000MA1FL0000N");
        assertThat(Uscc.lookupValue("91350100M000100Y43")).isEqualTo("91350100M000100Y43");
        assertThatThrownBy(() -> Uscc.lookupValue("91350100M000100Y44")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check character is wrong");
    }

    @Test
    void computesTheOrganisationCodeCheckCharacter() {
        assertThat(Uscc.organisationCheckCharacter("M000100Y")).isEqualTo('4');
        assertThat(Uscc.organisationCheckCharacter("60003734")).isEqualTo('1');
        assertThat(Uscc.organisationCheckCharacter("40000000")).as("11 - 1 = 10 is written X").isEqualTo('X');
        assertThat(Uscc.organisationCheckCharacter("00000000")).as("11 - 0 = 11 is written 0").isEqualTo('0');
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
