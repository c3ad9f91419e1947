package com.starcert.outlet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"13912345678", "19800001111", "15000000000"})
    void acceptsMobileNumbers(String number) {
        assertThat(Phone.parse(number).mobile()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"010-12345678", "021-87654321", "0371-1234567", "0591-87654321", " 0755-12345678 "})
    void acceptsLandlinesWithAreaCode(String number) {
        assertThat(Phone.parse(number).mobile()).isFalse();
        assertThat(Phone.parse(number).value()).isEqualTo(number.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12912345678", "1391234567", "139123456789", "12345678", "010-1234567",
            "0371-123456", "0371-123456789", "01012345678", "+8613912345678", "1391234567a", "010 12345678",
            "0123-1234567"})
    void refusesOthers(String number) {
        assertThatThrownBy(() -> Phone.parse(number)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesBlank(String number) {
        assertThatThrownBy(() -> Phone.parse(number)).hasMessage("is required");
    }
}
