package com.starcert.outlet.enterprise;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.AddressForm;
import com.starcert.outlet.registry.Contact;
import com.starcert.outlet.registry.ContactForm;
import com.starcert.outlet.registry.Uscc;
import com.starcert.outlet.registry.Violations;

/** {@code POST /api/enterprises} body. */
public record EnterpriseForm(String name, String uscc, AddressForm address, ContactForm contact) {

    static final int MAX_NAME = 200;

    /** The checked registration, or a 400 listing every bad field. */
    Registration validate() {
        Violations violations = new Violations();
        String checkedName = violations.text("name", name, MAX_NAME);
        Uscc code = violations.value("uscc", uscc, Uscc::parse);
        Address checkedAddress = AddressForm.parse(address, "address", violations);
        Contact checkedContact = ContactForm.parse(contact, "contact", violations);
        violations.throwIfAny();
        return new Registration(checkedName, code, checkedAddress, checkedContact);
    }

    record Registration(String name, Uscc uscc, Address address, Contact contact) {
    }
}
