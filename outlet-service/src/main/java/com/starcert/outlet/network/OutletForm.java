package com.starcert.outlet.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.AddressForm;
import com.starcert.outlet.registry.Contact;
import com.starcert.outlet.registry.ContactForm;
import com.starcert.outlet.registry.Violations;

/**
 * {@code POST /api/enterprises/{id}/outlets} and {@code PUT …/outlets/{outletId}} body, and one NDJSON import line.
 * The issue-2 fields are required; the after-sales terms added later are optional (none offered, no complaints).
 */
public record OutletForm(String name, OutletKind kind, AddressForm address, ContactForm contact,
                         Hours serviceHours, Commitments commitments,
                         Boolean periodicInspection, Boolean faultFinding, PostWarrantyForm postWarranty,
                         List<String> freeItems, StandInForm standInEquipment, Integer openComplaints) {

    static final int MAX_NAME = 200;
    static final int MAX_TERMS = 1000;
    static final int MAX_ITEM = 100;
    static final int MAX_ITEMS = 50;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_OPEN_COMPLAINTS = 1_000_000;

    /** The issue-2 shape: no after-sales terms given. */
    public OutletForm(String name, OutletKind kind, AddressForm address, ContactForm contact, Hours serviceHours,
                      Commitments commitments) {
        this(name, kind, address, contact, serviceHours, commitments, null, null, null, null, null, null);
    }

    public record Hours(Integer daysPerWeek, Integer hoursPerDay) {
    }

    public record Commitments(Integer responseHours, Integer onSiteHours, Integer resolutionHours) {
    }

    public record PostWarrantyForm(String terms, String charges) {
    }

    public record StandInForm(Boolean offered, String description) {
    }

    /** The checked outlet data, or a 400 listing every bad field. */
    OutletProfile validate() {
        Violations violations = new Violations();
        OutletProfile profile = check(violations);
        violations.throwIfAny();
        return profile;
    }

    /** Checks every field, adding each problem to {@code violations}; the profile when there was none, else null. */
    public OutletProfile check(Violations violations) {
        int before = violations.problems().size();
        String checkedName = violations.text("name", name, MAX_NAME);
        violations.required("kind", kind);
        Address checkedAddress = AddressForm.parse(address, "address", violations);
        Contact checkedContact = ContactForm.parse(contact, "contact", violations);
        Hours hours = serviceHours == null ? new Hours(null, null) : serviceHours;
        violations.addAll("serviceHours", ServiceHours.problems(hours.daysPerWeek(), hours.hoursPerDay()));
        Commitments c = commitments == null ? new Commitments(null, null, null) : commitments;
        violations.addAll("commitments",
                ServiceCommitments.problems(c.responseHours(), c.onSiteHours(), c.resolutionHours()));

        OutletProfile.PostWarranty warranty = null;
        if (postWarranty != null) {
            String terms = violations.optionalText("postWarranty.terms", postWarranty.terms(), MAX_TERMS);
            String charges = violations.optionalText("postWarranty.charges", postWarranty.charges(), MAX_TERMS);
            warranty = terms == null && charges == null ? null : new OutletProfile.PostWarranty(terms, charges);
        }
        List<String> items = freeItems(violations);
        OutletProfile.StandInEquipment standIn = standIn(violations);
        int complaints = openComplaints == null ? 0 : openComplaints;
        if (complaints < 0 || complaints > MAX_OPEN_COMPLAINTS) {
            violations.add("openComplaints", "must be between 0 and " + MAX_OPEN_COMPLAINTS);
        }
        if (violations.problems().size() > before) {
            return null;
        }
        return new OutletProfile(checkedName, kind, checkedAddress, checkedContact,
                new ServiceHours(hours.daysPerWeek(), hours.hoursPerDay()),
                new ServiceCommitments(c.responseHours(), c.onSiteHours(), c.resolutionHours()),
                Boolean.TRUE.equals(periodicInspection), Boolean.TRUE.equals(faultFinding), warranty, items, standIn,
                complaints);
    }

    /** Free items, trimmed; blanks are dropped and repeats kept once, so "上门,上门" means one item. */
    private List<String> freeItems(Violations violations) {
        if (freeItems == null) {
            return List.of();
        }
        Set<String> items = new LinkedHashSet<>();
        for (int i = 0; i < freeItems.size(); i++) {
            String item = violations.optionalText("freeItems[" + i + "]", freeItems.get(i), MAX_ITEM);
            if (item != null) {
                items.add(item);
            }
        }
        if (items.size() > MAX_ITEMS) {
            violations.add("freeItems", "must list at most " + MAX_ITEMS + " items");
        }
        return List.copyOf(new ArrayList<>(items));
    }

    /** Offering stand-in equipment means saying what it is; not offering it and describing it is contradictory. */
    private OutletProfile.StandInEquipment standIn(Violations violations) {
        if (standInEquipment == null) {
            return OutletProfile.StandInEquipment.NONE;
        }
        boolean offered = Boolean.TRUE.equals(standInEquipment.offered());
        String description = violations.optionalText("standInEquipment.description",
                standInEquipment.description(), MAX_DESCRIPTION);
        String raw = standInEquipment.description();
        if (offered && (raw == null || raw.isBlank())) {
            violations.add("standInEquipment.description", "is required when stand-in equipment is offered");
        }
        if (!offered && description != null) {
            violations.add("standInEquipment.offered", "must be true when a stand-in description is given");
        }
        return new OutletProfile.StandInEquipment(offered, offered ? description : null);
    }
}
