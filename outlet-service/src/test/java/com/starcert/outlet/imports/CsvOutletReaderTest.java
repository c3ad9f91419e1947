package com.starcert.outlet.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.starcert.outlet.network.OutletForm;
import com.starcert.outlet.network.OutletKind;

class CsvOutletReaderTest {

    static final String HEADER = "name,kind,regionCode,addressLine,contactName,contactPhone,daysPerWeek,hoursPerDay,"
            + "responseHours,onSiteHours,resolutionHours";

    @Test
    void readsRequiredColumnsInAnyOrderWithDefaultsForTheRest() {
        ImportFile file = CsvOutletReader.read("\uFEFF" + HEADER + "\r\n"
                + "郑州网点,branch,410102,中原路 1 号,王工,13912345678,7,12,2,4,24\r\n", 10);
        assertThat(file.fileProblems()).isEmpty();
        assertThat(file.rows()).hasSize(1);
        ImportRow row = file.rows().get(0);
        assertThat(row.row()).isEqualTo(2);
        assertThat(row.readProblems()).isEmpty();
        OutletForm f = row.form();
        assertThat(f.name()).isEqualTo("郑州网点");
        assertThat(f.kind()).isEqualTo(OutletKind.BRANCH);
        assertThat(f.address().regionCode()).isEqualTo("410102");
        assertThat(f.commitments().onSiteHours()).isEqualTo(4);
        assertThat(f.periodicInspection()).isNull();
        assertThat(f.freeItems()).isNull();
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaksAndRowNumbersAreLines() {
        String text = "addressLine,name,kind,regionCode,contactName,contactPhone,daysPerWeek,hoursPerDay,"
                + "responseHours,onSiteHours,resolutionHours,freeItems,periodicInspection,standInEquipment,"
                + "standInEquipmentDescription,postWarrantyTerms,openComplaints\n"
                + "\"中原路 1 号, 2 楼\",\"The \"\"Best\"\" outlet\",PARTNER,410102,王工,0371-1234567,5,8,2,4,24,"
                + "上门检测;清洁保养；安装,是,yes,\"备用机\n一台\",按次收费,3\n"
                + "\n"
                + "b,c,BRANCH,410102,王工,13912345678,7,24,1,48,48,,no,0,,,\n";
        ImportFile file = CsvOutletReader.read(text, 10);
        assertThat(file.rows()).extracting(ImportRow::row).containsExactly(2, 5);
        OutletForm f = file.rows().get(0).form();
        assertThat(f.address().line()).isEqualTo("中原路 1 号, 2 楼");
        assertThat(f.name()).isEqualTo("The \"Best\" outlet");
        assertThat(f.freeItems()).containsExactly("上门检测", "清洁保养", "安装");
        assertThat(f.periodicInspection()).isTrue();
        assertThat(f.standInEquipment().offered()).isTrue();
        assertThat(f.standInEquipment().description()).isEqualTo("备用机\n一台");
        assertThat(f.postWarranty().terms()).isEqualTo("按次收费");
        assertThat(f.openComplaints()).isEqualTo(3);
        OutletForm second = file.rows().get(1).form();
        assertThat(second.periodicInspection()).isFalse();
        assertThat(second.standInEquipment().offered()).isFalse();
        assertThat(second.openComplaints()).isNull();
    }

    @Test
    void cellsThatCannotBeReadAreProblemsOfTheirColumn() {
        ImportFile file = CsvOutletReader.read(HEADER + ",periodicInspection\n"
                + "n,SHOP,410102,a,王工,13912345678,seven,12,2,4,24,maybe\n"
                + "n,BRANCH,410102\n", 10);
        ImportRow bad = file.rows().get(0);
        assertThat(bad.readProblems()).extracting(ImportProblem::column)
                .containsExactly("kind", "daysPerWeek", "periodicInspection");
        assertThat(bad.readProblems().get(1)).isEqualTo(
                new ImportProblem(2, "daysPerWeek", "row 2: daysPerWeek", "'seven' is not a whole number"));
        ImportRow shortRow = file.rows().get(1);
        assertThat(shortRow.form()).isNull();
        assertThat(shortRow.readProblems()).extracting(ImportProblem::column).containsExactly("row");
    }

    @Test
    void unknownDuplicateOrMissingColumnsRefuseTheHeader() {
        ImportFile file = CsvOutletReader.read("name,kind,colour,kind\nx,BRANCH,red,BRANCH\n", 10);
        assertThat(file.rows()).isEmpty();
        assertThat(file.fileProblems()).allMatch(p -> p.row() == 1);
        assertThat(file.fileProblems()).extracting(ImportProblem::column).contains("colour", "kind", "regionCode",
                "addressLine", "contactPhone", "resolutionHours");
        assertThat(CsvOutletReader.read("", 10).fileProblems()).hasSize(1);
    }

    @Test
    void stopsOnceTheFileHasMoreRowsThanAllowed() {
        String row = "n%d,BRANCH,410102,a,王工,13912345678,7,12,2,4,24\n";
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 4; i++) {
            text.append(row.formatted(i));
        }
        assertThat(CsvOutletReader.read(text.toString(), 4).tooManyRows()).isFalse();
        ImportFile tooMany = CsvOutletReader.read(text.toString(), 3);
        assertThat(tooMany.tooManyRows()).isTrue();
        assertThat(tooMany.fileProblems()).extracting(ImportProblem::row, ImportProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "file"));
    }

    @Test
    void formFieldsMapToTheirColumns() {
        assertThat(List.of("commitments.onSiteHours", "address.line", "freeItems[3]", "standInEquipment.offered")
                .stream().map(CsvOutletReader.COLUMN).toList())
                .containsExactly("onSiteHours", "addressLine", "freeItems", "standInEquipment");
    }
}
