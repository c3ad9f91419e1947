package com.starcert.outlet.enterprise;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.AddressForm;
import com.starcert.outlet.registry.Contact;
import com.starcert.outlet.registry.ContactForm;
import com.starcert.outlet.registry.Uscc;
import com.starcert.outlet.registry.Violations;

/**
 * {@code POST /api/enterprises} and {@code PUT /api/enterprises/{id}} body. Product categories and status are
 * optional (none yet, ACTIVE). On a PUT the USCC may be left out; if given it must be the registered one — the
 * code identifies the enterprise and is never edited.
 */
public record EnterpriseForm(String name, String uscc, AddressForm address, ContactForm contact,
                             List<String> productCategories, EnterpriseStatus status) {

    static final int MAX_NAME = 200;
    static final int MAX_CATEGORY = 100;
    static final int MAX_CATEGORIES = 100;

    /** The issue-2 shape. */
    public EnterpriseForm(String name, String uscc, AddressForm address, ContactForm contact) {
        this(name, uscc, address, contact, null, null);
    }

    /** The checked registration, or a 400 listing every bad field. */
    Registration validate() {
        Violations violations = new Violations();
        Uscc code = violations.value("uscc", uscc, Uscc::parse);
        Profile profile = profile(violations);
        violations.throwIfAny();
        return new Registration(code, profile);
    }

    /** The checked profile for an update of the enterprise registered with {@code registered}. */
    Profile validateUpdate(String registered) {
        Violations violations = new Violations();
        if (uscc != null && !uscc.isBlank()) {
            Uscc code = violations.value("uscc", uscc, Uscc::parse);
            if (code != null && !code.value().equals(registered)) {
                violations.add("uscc", "cannot be changed (the enterprise is registered as " + registered + ")");
            }
        }
        Profile profile = profile(violations);
        violations.throwIfAny();
        return profile;
    }

    private Profile profile(Violations violations) {
        String checkedName = violations.text("name", name, MAX_NAME);
        Address checkedAddress = AddressForm.parse(address, "address", violations);
        Contact checkedContact = ContactForm.parse(contact, "contact", violations);
        Set<String> categories = new LinkedHashSet<>();
        if (productCategories != null) {
            for (int i = 0; i < productCategories.size(); i++) {
                String c = violations.text("productCategories[" + i + "]", productCategories.get(i), MAX_CATEGORY);
                if (c != null) {
                    categories.add(c);
                }
            }
            if (categories.size() > MAX_CATEGORIES) {
                violations.add("productCategories", "must list at most " + MAX_CATEGORIES + " categories");
            }
        }
        return new Profile(checkedName, checkedAddress, checkedContact, List.copyOf(categories),
                status == null ? EnterpriseStatus.ACTIVE : status);
    }

    record Registration(Uscc uscc, Profile profile) {
    }

    /** What an enterprise may edit: everything but its USCC. */
    record Profile(String name, Address address, Contact contact, List<String> productCategories,
                   EnterpriseStatus status) {
    }
}
