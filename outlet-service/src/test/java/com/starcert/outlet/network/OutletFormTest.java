package com.starcert.outlet.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.outlet.registry.AddressForm;
import com.starcert.outlet.registry.ContactForm;
import com.starcert.outlet.registry.Violations;
import com.starcert.support.problem.FieldProblem;

class OutletFormTest {

    private static OutletForm form(OutletForm.PostWarrantyForm warranty, List<String> items,
                                   OutletForm.StandInForm standIn, Integer complaints) {
        return new OutletForm("网点", OutletKind.BRANCH, new AddressForm("410102", "中原路 1 号"),
                new ContactForm("王工", "13912345678"), new OutletForm.Hours(7, 12),
                new OutletForm.Commitments(2, 4, 24), true, null, warranty, items, standIn, complaints);
    }

    @Test
    void theIssue2ShapeGetsSensibleDefaults() {
        OutletProfile p = new OutletForm("网点", OutletKind.BRANCH, new AddressForm("410102", "中原路 1 号"),
                new ContactForm("王工", "13912345678"), new OutletForm.Hours(7, 12),
                new OutletForm.Commitments(2, 4, 24)).validate();
        assertThat(p.periodicInspection()).isFalse();
        assertThat(p.faultFinding()).isFalse();
        assertThat(p.postWarranty()).isNull();
        assertThat(p.freeItems()).isEmpty();
        assertThat(p.standInEquipment()).isEqualTo(new OutletProfile.StandInEquipment(false, null));
        assertThat(p.openComplaints()).isZero();
    }

    @Test
    void afterSalesTermsAreTrimmedAndItemsKeptOnce() {
        OutletProfile p = form(new OutletForm.PostWarrantyForm("  按次收费 ", null),
                Arrays.asList(" 上门检测", "上门检测", "", null, "清洗"),
                new OutletForm.StandInForm(true, "同型号备用机"), 2).validate();
        assertThat(p.periodicInspection()).isTrue();
        assertThat(p.postWarranty()).isEqualTo(new OutletProfile.PostWarranty("按次收费", null));
        assertThat(p.freeItems()).containsExactly("上门检测", "清洗");
        assertThat(p.standInEquipment()).isEqualTo(new OutletProfile.StandInEquipment(true, "同型号备用机"));
        assertThat(p.openComplaints()).isEqualTo(2);
    }

    @Test
    void standInEquipmentMustBeDescribedWhenOfferedAndComplaintsCannotBeNegative() {
        Violations v = new Violations();
        assertThat(form(null, null, new OutletForm.StandInForm(true, " "), -1).check(v)).isNull();
        assertThat(v.problems()).extracting(FieldProblem::field)
                .containsExactly("standInEquipment.description", "openComplaints");
        Violations w = new Violations();
        form(null, List.of("x".repeat(101)), new OutletForm.StandInForm(false, "备用机"), 0).check(w);
        assertThat(w.problems()).extracting(FieldProblem::field)
                .containsExactly("freeItems[0]", "standInEquipment.offered");
    }
}
