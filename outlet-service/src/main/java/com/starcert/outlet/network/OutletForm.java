package com.starcert.outlet.network;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.AddressForm;
import com.starcert.outlet.registry.Contact;
import com.starcert.outlet.registry.ContactForm;
import com.starcert.outlet.registry.Violations;

/** {@code POST /api/enterprises/{id}/outlets} body. */
public record OutletForm(String name, OutletKind kind, AddressForm address, ContactForm contact,
                         Hours serviceHours, Commitments commitments) {

    static final int MAX_NAME = 200;

    public record Hours(Integer daysPerWeek, Integer hoursPerDay) {
    }

    public record Commitments(Integer responseHours, Integer onSiteHours, Integer resolutionHours) {
    }

    /** The checked outlet data, or a 400 listing every bad field. */
    NewOutlet validate() {
        Violations violations = new Violations();
        String checkedName = violations.text("name", name, MAX_NAME);
        violations.required("kind", kind);
        Address checkedAddress = AddressForm.parse(address, "address", violations);
        Contact checkedContact = ContactForm.parse(contact, "contact", violations);
        Hours hours = serviceHours == null ? new Hours(null, null) : serviceHours;
        var hoursProblems = ServiceHours.problems(hours.daysPerWeek(), hours.hoursPerDay());
        violations.addAll("serviceHours", hoursProblems);
        Commitments c = commitments == null ? new Commitments(null, null, null) : commitments;
        var commitmentProblems = ServiceCommitments.problems(c.responseHours(), c.onSiteHours(), c.resolutionHours());
        violations.addAll("commitments", commitmentProblems);
        violations.throwIfAny();
        return new NewOutlet(checkedName, kind, checkedAddress, checkedContact,
                new ServiceHours(hours.daysPerWeek(), hours.hoursPerDay()),
                new ServiceCommitments(c.responseHours(), c.onSiteHours(), c.resolutionHours()));
    }

    record NewOutlet(String name, OutletKind kind, Address address, Contact contact, ServiceHours serviceHours,
                     ServiceCommitments commitments) {
    }
}
