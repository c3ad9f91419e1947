package com.starcert.outlet.enterprise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.AddressForm;
import com.starcert.outlet.registry.Contact;
import com.starcert.outlet.registry.ContactForm;
import com.starcert.outlet.registry.Uscc;
import com.starcert.outlet.registry.Violations;
import com.starcert.support.problem.FieldProblem;

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

    /**
     * The checked profile replacing that of {@code current}. The USCC identifies the enterprise and is never edited:
     * a different one is a 400. An editor limited to the contact details ({@code contactDetailsOnly}: an enterprise
     * editing its own record) may change the address and the contact person only; once the body is well formed,
     * every other field it changed — the USCC among them — is named in one 403.
     */
    Profile validateUpdate(Enterprise current, boolean contactDetailsOnly) {
        Violations violations = new Violations();
        boolean usccChanged = false;
        if (uscc != null && !uscc.isBlank()) {
            Uscc code = violations.value("uscc", uscc, Uscc::parse);
            usccChanged = code != null && !code.value().equals(current.uscc());
            if (usccChanged && !contactDetailsOnly) {
                violations.add("uscc", "cannot be changed (the enterprise is registered as " + current.uscc() + ")");
            }
        }
        Profile profile = profile(violations);
        violations.throwIfAny();
        if (contactDetailsOnly) {
            List<FieldProblem> beyondContact = new ArrayList<>();
            if (!profile.name().equals(current.name())) {
                beyondContact.add(new FieldProblem("name", ContactDetailsOnly.REASON));
            }
            if (usccChanged) {
                beyondContact.add(new FieldProblem("uscc", ContactDetailsOnly.REASON));
            }
            List<String> categories = current.productCategories() == null ? List.of() : current.productCategories();
            if (!profile.productCategories().equals(categories)) {
                beyondContact.add(new FieldProblem("productCategories", ContactDetailsOnly.REASON));
            }
            // records stored before status existed are ACTIVE, as a registration without status is
            EnterpriseStatus status = current.status() == null ? EnterpriseStatus.ACTIVE : current.status();
            if (profile.status() != status) {
                beyondContact.add(new FieldProblem("status", ContactDetailsOnly.REASON));
            }
            if (!beyondContact.isEmpty()) {
                throw new ContactDetailsOnly(beyondContact);
            }
        }
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

    /** What may be edited: everything but the USCC (by an enterprise itself: its address and contact only). */
    record Profile(String name, Address address, Contact contact, List<String> productCategories,
                   EnterpriseStatus status) {
    }
}
