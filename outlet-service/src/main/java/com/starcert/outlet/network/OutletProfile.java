package com.starcert.outlet.network;

import java.util.List;

import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.Contact;

/**
 * Everything about an outlet that its enterprise edits (what a tender asks for); status and history are not part
 * of it — they change through the status endpoint only. Built by {@link OutletForm} once every rule holds.
 *
 * @param periodicInspection 定期巡检: the outlet offers periodic inspection of installed products
 * @param faultFinding       故障排查: the outlet offers fault finding (diagnosis) on site
 * @param postWarranty       保修期外: repair terms and charges once the warranty has run out (may be null)
 * @param freeItems          免费项目: services given free of charge
 * @param standInEquipment   备用机: stand-in equipment lent while a product is repaired
 * @param openComplaints     customer complaints not yet closed; a reason to pick the outlet for an audit
 */
public record OutletProfile(String name, OutletKind kind, Address address, Contact contact,
                            ServiceHours serviceHours, ServiceCommitments commitments,
                            boolean periodicInspection, boolean faultFinding, PostWarranty postWarranty,
                            List<String> freeItems, StandInEquipment standInEquipment, int openComplaints) {

    /** Post-warranty repair (保修期外维修): the terms and what they cost, as free text. */
    public record PostWarranty(String terms, String charges) {
    }

    /** Stand-in equipment (备用机) lent during repairs; {@code description} says what is lent. */
    public record StandInEquipment(boolean offered, String description) {

        static final StandInEquipment NONE = new StandInEquipment(false, null);
    }

    /** The key of the "one outlet per name and address" rule, as the unique index compares it. */
    public String nameAddressKey() {
        return name + "\u0000" + address.regionCode() + "\u0000" + address.line();
    }
}
