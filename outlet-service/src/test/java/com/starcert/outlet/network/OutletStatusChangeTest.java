package com.starcert.outlet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.starcert.contracts.OutletChanged;
import com.starcert.outlet.infra.Actor;
import com.starcert.outlet.registry.Address;
import com.starcert.outlet.registry.Contact;

class OutletStatusChangeTest {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-27");
    private static final Actor BY = new Actor("admin-1", "CB Admin");

    private static Outlet outlet(OutletKind kind) {
        return Outlet.register("o1", "e1", new OutletProfile("Fuzhou centre", kind,
                new Address("350100", "35", "1 Wusi Rd"), new Contact("Lin", "13912345678"), new ServiceHours(7, 24),
                new ServiceCommitments(2, 4, 24), true, false, null, java.util.List.of(),
                OutletProfile.StandInEquipment.NONE, 3), T0, null);
    }

    @Test
    void aNewOutletIsActiveAtVersionOneAndAnnouncesItsRegistration() {
        Outlet o = outlet(OutletKind.BRANCH);
        assertThat(o.status()).isEqualTo(OutletStatus.ACTIVE);
        assertThat(o.version()).isEqualTo(1);
        assertThat(o.history()).isEmpty();
        OutletChanged event = o.changedEvent();
        assertThat(event.change()).isEqualTo(OutletChanged.Change.REGISTERED);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.status()).isEqualTo(OutletChanged.OutletStatus.ACTIVE);
        assertThat(event.enterpriseId()).isEqualTo("e1");
        assertThat(event.openComplaints()).isEqualTo(3);
    }

    @Test
    void aProfileChangeIsAnUpdateOneVersionLaterThatKeepsStatusAndHistory() {
        Outlet suspended = outlet(OutletKind.BRANCH).changeStatus(OutletStatus.SUSPENDED, "renovation", DAY, T0, BY);
        OutletProfile p = suspended.profile();
        Outlet edited = suspended.withProfile(new OutletProfile("Fuzhou centre", OutletKind.HEADQUARTERS, p.address(),
                p.contact(), p.serviceHours(), new ServiceCommitments(1, 2, 8), true, true, null, java.util.List.of(),
                p.standInEquipment(), 0));
        assertThat(edited.version()).isEqualTo(3);
        assertThat(edited.status()).isEqualTo(OutletStatus.SUSPENDED);
        assertThat(edited.history()).hasSize(1);
        assertThat(edited.centralFunctionSlot()).isEqualTo("hq:e1");
        assertThat(edited.updatedEvent().change()).isEqualTo(OutletChanged.Change.UPDATED);
        assertThat(edited.updatedEvent().openComplaints()).isZero();
    }

    @Test
    void suspendReactivateCloseEachAddHistoryAndAVersion() {
        Outlet suspended = outlet(OutletKind.BRANCH).changeStatus(OutletStatus.SUSPENDED, "renovation", DAY, T0, BY);
        assertThat(suspended.version()).isEqualTo(2);
        assertThat(suspended.changedEvent().change()).isEqualTo(OutletChanged.Change.SUSPENDED);

        Outlet active = suspended.changeStatus(OutletStatus.ACTIVE, "reopened", DAY, T0, BY);
        assertThat(active.changedEvent().change()).isEqualTo(OutletChanged.Change.UPDATED);
        assertThat(active.changedEvent().version()).isEqualTo(3);

        Outlet closed = active.changeStatus(OutletStatus.CLOSED, "lease ended", DAY, T0, BY);
        assertThat(closed.changedEvent().change()).isEqualTo(OutletChanged.Change.CLOSED);
        assertThat(closed.history()).extracting(StatusHistoryEntry::status)
                .containsExactly(OutletStatus.SUSPENDED, OutletStatus.ACTIVE, OutletStatus.CLOSED);
        assertThat(closed.lastChange()).isEqualTo(new StatusHistoryEntry(OutletStatus.CLOSED, "lease ended", DAY, T0, BY));
    }

    @Test
    void closedIsFinal() {
        Outlet closed = outlet(OutletKind.BRANCH).changeStatus(OutletStatus.CLOSED, "gone", DAY, T0, BY);
        for (OutletStatus any : OutletStatus.values()) {
            assertThatThrownBy(() -> closed.changeStatus(any, "again", DAY, T0, BY))
                    .isInstanceOf(StatusChangeRefused.class).hasMessageContaining("final");
        }
    }

    @Test
    void theSameStatusAgainIsRefused() {
        assertThatThrownBy(() -> outlet(OutletKind.BRANCH).changeStatus(OutletStatus.ACTIVE, "x", DAY, T0, BY))
                .isInstanceOf(StatusChangeRefused.class).hasMessageContaining("already ACTIVE");
    }

    @Test
    void anOpenHeadquartersHoldsTheEnterprisesCentralFunctionSlotUntilClosed() {
        Outlet hq = outlet(OutletKind.HEADQUARTERS);
        assertThat(hq.centralFunctionSlot()).isEqualTo("hq:e1");
        assertThat(hq.changeStatus(OutletStatus.SUSPENDED, "x", DAY, T0, BY).centralFunctionSlot()).isEqualTo("hq:e1");
        assertThat(hq.changeStatus(OutletStatus.CLOSED, "x", DAY, T0, BY).centralFunctionSlot()).isEqualTo("outlet:o1");
        assertThat(outlet(OutletKind.PARTNER).centralFunctionSlot()).isEqualTo("outlet:o1");
    }
}
