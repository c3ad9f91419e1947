package com.starcert.outlet.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

class ViolationsTest {

    @Test
    void collectsEveryProblemOfAMissingAddressAndContact() {
        Violations v = new Violations();
        assertThat(AddressForm.parse(null, "address", v)).isNull();
        assertThat(ContactForm.parse(new ContactForm(" ", "123"), "contact", v)).isNull();
        assertThat(v.problems()).extracting(FieldProblem::field)
                .containsExactly("address.regionCode", "address.line", "contact.name", "contact.phone");
        assertThatThrownBy(v::throwIfAny).isInstanceOf(ApiProblemException.InvalidRequest.class);
    }

    @Test
    void normalisesWhitespaceAndLimitsLength() {
        Violations v = new Violations();
        assertThat(v.text("name", "  Fuzhou   Service\tCentre ", 50)).isEqualTo("Fuzhou Service Centre");
        assertThat(v.text("name", "x".repeat(51), 50)).isNull();
        assertThat(v.problems()).containsExactly(new FieldProblem("name", "must be at most 50 characters"));
    }
}
