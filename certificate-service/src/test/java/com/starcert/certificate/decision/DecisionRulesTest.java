package com.starcert.certificate.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;

class DecisionRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    static AuditResult audit(AuditType type, String score) {
        return new AuditResult(type, new BigDecimal(score), 0, false);
    }

    static CurrentCertificate active(Band level, LocalDate validFrom) {
        return new CurrentCertificate("GBT27922-2024-000007", CertificateStatus.ACTIVE, level, validFrom,
                validFrom.plusYears(3).minusDays(1));
    }

    static CertificationDecision decide(AuditResult audit, CurrentCertificate current) {
        return DecisionRules.decide(audit, Optional.ofNullable(current), TODAY);
    }

    @Nested
    class Initial {

        @Test
        void passing_score_issues_a_first_certificate_capped_at_compliant() {
            CertificationDecision d = decide(audit(AuditType.INITIAL, "87.5"), null);

            assertThat(d).isInstanceOf(CertificationDecision.Issue.class);
            CertificationDecision.Issue issue = (CertificationDecision.Issue) d;
            assertThat(issue.level()).isEqualTo(Band.COMPLIANT);
            assertThat(issue.validity()).isEqualTo(new Validity(TODAY, LocalDate.of(2029, 6, 14)));
            assertThat(issue.supersedes()).isNull();
            assertThat(issue.reasons()).anyMatch(r -> r.contains("capped at COMPLIANT"));
        }

        @Test
        void exactly_70_issues_at_compliant() {
            CertificationDecision.Issue issue = (CertificationDecision.Issue) decide(audit(AuditType.INITIAL, "70.0"),
                    null);
            assertThat(issue.level()).isEqualTo(Band.COMPLIANT);
        }

        @Test
        void outstanding_audit_keeps_its_band() {
            AuditResult outstanding = new AuditResult(AuditType.INITIAL, new BigDecimal("96.0"), 0, true);

            CertificationDecision.Issue issue = (CertificationDecision.Issue) decide(outstanding, null);

            assertThat(issue.level()).isEqualTo(Band.FIVE_STAR);
            assertThat(issue.reasons()).anyMatch(r -> r.contains("outstanding"));
        }

        @Test
        void score_69_9_is_refused() {
            CertificationDecision d = decide(audit(AuditType.INITIAL, "69.9"), null);

            assertThat(d).isInstanceOf(CertificationDecision.Refuse.class);
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.reasons()).singleElement().asString().contains("69.9", "below 70");
        }

        @Test
        void open_special_deductions_hold_the_issue() {
            AuditResult withDeductions = new AuditResult(AuditType.INITIAL, new BigDecimal("85.0"), 2, false);

            CertificationDecision d = decide(withDeductions, null);

            assertThat(d).isInstanceOf(CertificationDecision.Hold.class);
            CertificationDecision.Hold hold = (CertificationDecision.Hold) d;
            assertThat(hold.pending()).isInstanceOf(CertificationDecision.Issue.class);
            assertThat(((CertificationDecision.Issue) hold.pending()).level()).isEqualTo(Band.COMPLIANT);
            assertThat(hold.reasons()).anyMatch(r -> r.contains("2 open special deduction") && r.contains("verif"));
        }

        @Test
        void special_deductions_do_not_hold_a_refusal() {
            AuditResult failing = new AuditResult(AuditType.INITIAL, new BigDecimal("60.0"), 1, false);

            assertThat(decide(failing, null)).isInstanceOf(CertificationDecision.Refuse.class);
        }

        @Test
        void an_enterprise_that_already_holds_a_certificate_is_refused_a_second_one() {
            CertificationDecision d = decide(audit(AuditType.INITIAL, "90.0"), active(Band.COMPLIANT, TODAY));

            assertThat(d).isInstanceOf(CertificationDecision.Refuse.class);
            assertThat(d.reasons().get(0)).contains("already holds certificate GBT27922-2024-000007");
        }
    }

    @Nested
    class Surveillance {

        @Test
        void at_the_current_level_maintains() {
            CertificationDecision d = decide(audit(AuditType.SURVEILLANCE, "82.0"),
                    active(Band.THREE_STAR, TODAY.minusMonths(11)));

            assertThat(d).isEqualTo(new CertificationDecision.Maintain("GBT27922-2024-000007", Band.THREE_STAR,
                    d.reasons()));
        }

        @Test
        void above_the_current_level_maintains_without_raising() {
            CertificationDecision d = decide(audit(AuditType.SURVEILLANCE, "97.0"),
                    active(Band.COMPLIANT, TODAY.minusMonths(11)));

            assertThat(d).isInstanceOf(CertificationDecision.Maintain.class);
            assertThat(((CertificationDecision.Maintain) d).level()).isEqualTo(Band.COMPLIANT);
        }

        @Test
        void above_the_current_level_raises_once_certified_a_year() {
            CertificationDecision d = decide(audit(AuditType.SURVEILLANCE, "85.0"),
                    active(Band.COMPLIANT, TODAY.minusYears(1)));

            assertThat(d).isInstanceOf(CertificationDecision.Raise.class);
            CertificationDecision.Raise raise = (CertificationDecision.Raise) d;
            assertThat(raise.from()).isEqualTo(Band.COMPLIANT);
            assertThat(raise.to()).isEqualTo(Band.THREE_STAR);
            assertThat(raise.certificateNumber()).isEqualTo("GBT27922-2024-000007");
            assertThat(d.outcome()).isEqualTo(Outcome.RAISED);
            assertThat(d.reasons()).anyMatch(r -> r.contains("at least one year"));
        }

        @Test
        void above_the_current_level_raises_when_outstanding_even_within_the_first_year() {
            AuditResult outstanding = new AuditResult(AuditType.SURVEILLANCE, new BigDecimal("95.0"), 0, true);

            CertificationDecision d = decide(outstanding, active(Band.COMPLIANT, TODAY.minusMonths(6)));

            assertThat(d).isInstanceOf(CertificationDecision.Raise.class);
            assertThat(((CertificationDecision.Raise) d).to()).isEqualTo(Band.FIVE_STAR);
        }

        @Test
        void the_year_counts_from_when_the_enterprise_was_first_certified_not_from_the_revision() {
            CurrentCertificate recertified = new CurrentCertificate("GBT27922-2026-000002", CertificateStatus.ACTIVE,
                    Band.COMPLIANT, TODAY.minusMonths(3), TODAY.plusYears(3), TODAY.minusYears(3));

            assertThat(decide(audit(AuditType.SURVEILLANCE, "91.0"), recertified))
                    .isInstanceOf(CertificationDecision.Raise.class);
        }

        @Test
        void a_star_level_above_a_star_level_raises_to_the_earned_band() {
            CertificationDecision d = decide(audit(AuditType.SURVEILLANCE, "90.0"),
                    active(Band.THREE_STAR, TODAY.minusYears(2)));

            assertThat(((CertificationDecision.Raise) d).to()).isEqualTo(Band.FOUR_STAR);
        }

        @Test
        void special_deductions_hold_a_raise() {
            AuditResult withDeductions = new AuditResult(AuditType.SURVEILLANCE, new BigDecimal("88.0"), 1, false);

            CertificationDecision d = decide(withDeductions, active(Band.COMPLIANT, TODAY.minusYears(1)));

            assertThat(d).isInstanceOf(CertificationDecision.Hold.class);
            assertThat(((CertificationDecision.Hold) d).pending()).isInstanceOf(CertificationDecision.Raise.class);
        }

        @Test
        void lower_but_passing_lowers_the_level() {
            CertificationDecision d = decide(audit(AuditType.SURVEILLANCE, "79.9"),
                    active(Band.FOUR_STAR, TODAY.minusYears(2)));

            assertThat(d).isInstanceOf(CertificationDecision.Lower.class);
            CertificationDecision.Lower lower = (CertificationDecision.Lower) d;
            assertThat(lower.from()).isEqualTo(Band.FOUR_STAR);
            assertThat(lower.to()).isEqualTo(Band.COMPLIANT);
            assertThat(lower.certificateNumber()).isEqualTo("GBT27922-2024-000007");
        }

        @Test
        void below_70_suspends() {
            CertificationDecision d = decide(audit(AuditType.SURVEILLANCE, "69.9"),
                    active(Band.COMPLIANT, TODAY.minusMonths(11)));

            assertThat(d).isInstanceOf(CertificationDecision.Suspend.class);
            assertThat(d.outcome()).isEqualTo(Outcome.SUSPENDED);
        }

        @Test
        void below_70_suspends_even_with_open_special_deductions() {
            AuditResult failing = new AuditResult(AuditType.SURVEILLANCE, new BigDecimal("50.0"), 3, false);

            assertThat(decide(failing, active(Band.COMPLIANT, TODAY.minusMonths(11))))
                    .isInstanceOf(CertificationDecision.Suspend.class);
        }

        @Test
        void special_deductions_hold_a_lowering() {
            AuditResult withDeductions = new AuditResult(AuditType.SURVEILLANCE, new BigDecimal("75.0"), 1, false);

            CertificationDecision d = decide(withDeductions, active(Band.THREE_STAR, TODAY.minusYears(1)));

            assertThat(d).isInstanceOf(CertificationDecision.Hold.class);
            assertThat(((CertificationDecision.Hold) d).pending()).isInstanceOf(CertificationDecision.Lower.class);
        }

        @Test
        void without_a_current_certificate_is_refused_with_a_clear_reason() {
            CertificationDecision d = decide(audit(AuditType.SURVEILLANCE, "88.0"), null);

            assertThat(d).isInstanceOf(CertificationDecision.Refuse.class);
            assertThat(d.reasons().get(0)).contains("no certificate in force");
        }

        @Test
        void a_suspended_certificate_is_not_restored_by_surveillance() {
            CurrentCertificate suspended = new CurrentCertificate("GBT27922-2024-000007", CertificateStatus.SUSPENDED,
                    Band.COMPLIANT, TODAY.minusYears(1), TODAY.plusYears(2));

            CertificationDecision d = decide(audit(AuditType.SURVEILLANCE, "88.0"), suspended);

            assertThat(d).isInstanceOf(CertificationDecision.Refuse.class);
            assertThat(d.reasons().get(0)).contains("SUSPENDED");
        }
    }

    @Nested
    class Recertification {

        @Test
        void passing_starts_a_new_cycle_superseding_the_previous_certificate_at_its_band() {
            CurrentCertificate previous = active(Band.COMPLIANT, LocalDate.of(2023, 9, 1)); // until 2026-08-31

            CertificationDecision d = decide(audit(AuditType.RECERTIFICATION, "91.0"), previous);

            assertThat(d).isInstanceOf(CertificationDecision.Issue.class);
            CertificationDecision.Issue issue = (CertificationDecision.Issue) d;
            assertThat(issue.supersedes()).isEqualTo("GBT27922-2024-000007");
            assertThat(issue.level()).as("compliant held for more than a year").isEqualTo(Band.FOUR_STAR);
            assertThat(issue.validity().validFrom()).isEqualTo(TODAY);
            assertThat(issue.validity().validUntil()).as("early recertification keeps the old expiry as base")
                    .isEqualTo(LocalDate.of(2029, 8, 31));
        }

        @Test
        void after_expiry_the_cycle_runs_three_years_from_the_decision() {
            CurrentCertificate lapsed = new CurrentCertificate("GBT27922-2023-000001", CertificateStatus.ACTIVE,
                    Band.COMPLIANT, LocalDate.of(2023, 6, 1), LocalDate.of(2026, 6, 1));

            CertificationDecision.Issue issue = (CertificationDecision.Issue) decide(
                    audit(AuditType.RECERTIFICATION, "75.0"), lapsed);

            assertThat(issue.validity()).isEqualTo(Validity.startingOn(TODAY));
        }

        @Test
        void below_70_is_refused() {
            CertificationDecision d = decide(audit(AuditType.RECERTIFICATION, "65.0"),
                    active(Band.COMPLIANT, LocalDate.of(2023, 9, 1)));

            assertThat(d).isInstanceOf(CertificationDecision.Refuse.class);
            assertThat(d.reasons().get(0)).contains("not renewed");
        }

        @Test
        void outstanding_grants_the_band_without_a_year_held() {
            AuditResult outstanding = new AuditResult(AuditType.RECERTIFICATION, new BigDecimal("96.0"), 0, true);

            CertificationDecision.Issue issue = (CertificationDecision.Issue) decide(outstanding,
                    active(Band.COMPLIANT, TODAY.minusMonths(6)));

            assertThat(issue.level()).isEqualTo(Band.FIVE_STAR);
        }

        @Test
        void a_suspended_certificate_is_superseded_but_its_year_does_not_count() {
            CurrentCertificate suspended = new CurrentCertificate("GBT27922-2023-000001",
                    CertificateStatus.SUSPENDED, Band.THREE_STAR, LocalDate.of(2023, 9, 1), LocalDate.of(2026, 9, 1));

            CertificationDecision.Issue issue = (CertificationDecision.Issue) decide(
                    audit(AuditType.RECERTIFICATION, "85.0"), suspended);

            assertThat(issue.supersedes()).isEqualTo("GBT27922-2023-000001");
            assertThat(issue.level()).isEqualTo(Band.COMPLIANT);
        }

        @Test
        void open_special_deductions_hold_the_new_cycle() {
            AuditResult withDeductions = new AuditResult(AuditType.RECERTIFICATION, new BigDecimal("85.0"), 1, false);

            assertThat(decide(withDeductions, active(Band.COMPLIANT, LocalDate.of(2023, 9, 1))))
                    .isInstanceOf(CertificationDecision.Hold.class);
        }

        @Test
        void without_a_year_held_star_levels_are_capped() {
            CertificationDecision.Issue issue = (CertificationDecision.Issue) decide(
                    audit(AuditType.RECERTIFICATION, "92.0"), active(Band.COMPLIANT, TODAY.minusMonths(6)));

            assertThat(issue.level()).isEqualTo(Band.COMPLIANT);
        }
    }

    @Nested
    class Special {

        static CurrentCertificate suspended(Band level) {
            return new CurrentCertificate("GBT27922-2024-000007", CertificateStatus.SUSPENDED, level,
                    TODAY.minusYears(1), TODAY.plusYears(2));
        }

        @Test
        void without_a_certificate_in_force_is_refused_with_a_clear_reason() {
            CertificationDecision d = decide(audit(AuditType.SPECIAL, "95.0"), null);

            assertThat(d).isInstanceOf(CertificationDecision.Refuse.class);
            assertThat(d.reasons().get(0)).contains("special audit", "no certificate in force");
        }

        @Test
        void on_an_active_certificate_at_its_level_maintains() {
            CertificationDecision d = decide(audit(AuditType.SPECIAL, "82.0"),
                    active(Band.THREE_STAR, TODAY.minusYears(2)));

            assertThat(d).isEqualTo(new CertificationDecision.Maintain("GBT27922-2024-000007", Band.THREE_STAR,
                    d.reasons()));
            assertThat(d.reasons().get(0)).contains("special audit scored 82.0");
        }

        @Test
        void never_raises_even_when_star_levels_could_be_granted() {
            AuditResult outstanding = new AuditResult(AuditType.SPECIAL, new BigDecimal("96.0"), 0, true);

            CertificationDecision d = decide(outstanding, active(Band.COMPLIANT, TODAY.minusYears(2)));

            assertThat(d).isInstanceOf(CertificationDecision.Maintain.class);
            assertThat(((CertificationDecision.Maintain) d).level()).isEqualTo(Band.COMPLIANT);
            assertThat(d.reasons().get(0)).contains("never raises");
        }

        @Test
        void lower_but_passing_lowers_the_level() {
            CertificationDecision d = decide(audit(AuditType.SPECIAL, "78.0"),
                    active(Band.FOUR_STAR, TODAY.minusYears(2)));

            assertThat(d).isEqualTo(new CertificationDecision.Lower("GBT27922-2024-000007", Band.FOUR_STAR,
                    Band.COMPLIANT, d.reasons()));
        }

        @Test
        void below_70_suspends_an_active_certificate() {
            CertificationDecision d = decide(audit(AuditType.SPECIAL, "69.9"),
                    active(Band.THREE_STAR, TODAY.minusYears(1)));

            assertThat(d).isEqualTo(new CertificationDecision.Suspend("GBT27922-2024-000007", d.reasons()));
            assertThat(d.reasons().get(0)).contains("below 70", "failed special audit");
        }

        @Test
        void at_least_70_restores_a_suspended_certificate_at_its_level_when_the_band_is_not_lower() {
            CertificationDecision d = decide(audit(AuditType.SPECIAL, "97.0"), suspended(Band.THREE_STAR));

            assertThat(d).isInstanceOf(CertificationDecision.Restore.class);
            CertificationDecision.Restore restore = (CertificationDecision.Restore) d;
            assertThat(restore.to()).as("never raised").isEqualTo(Band.THREE_STAR);
            assertThat(restore.lowered()).isFalse();
            assertThat(d.outcome()).isEqualTo(Outcome.RESTORED);
            assertThat(d.reasons()).anyMatch(r -> r.contains("restored from SUSPENDED"));
        }

        @Test
        void exactly_70_restores_a_suspended_star_certificate_at_the_lower_band() {
            CertificationDecision d = decide(audit(AuditType.SPECIAL, "70.0"), suspended(Band.FOUR_STAR));

            CertificationDecision.Restore restore = (CertificationDecision.Restore) d;
            assertThat(restore.from()).isEqualTo(Band.FOUR_STAR);
            assertThat(restore.to()).isEqualTo(Band.COMPLIANT);
            assertThat(restore.lowered()).isTrue();
            assertThat(d.reasons()).anyMatch(r -> r.contains("revised at COMPLIANT"));
        }

        @Test
        void below_70_on_a_suspended_certificate_is_refused_and_it_stays_suspended() {
            CertificationDecision d = decide(audit(AuditType.SPECIAL, "69.9"), suspended(Band.COMPLIANT));

            assertThat(d).isInstanceOf(CertificationDecision.Refuse.class);
            assertThat(d.reasons().get(0)).contains("below 70", "not lifted", "stays SUSPENDED");
        }

        @Test
        void special_deductions_hold_a_restore() {
            AuditResult withDeductions = new AuditResult(AuditType.SPECIAL, new BigDecimal("85.0"), 2, false);

            CertificationDecision d = decide(withDeductions, suspended(Band.THREE_STAR));

            assertThat(d).isInstanceOf(CertificationDecision.Hold.class);
            assertThat(((CertificationDecision.Hold) d).pending()).isInstanceOf(CertificationDecision.Restore.class);
            assertThat(d.reasons()).anyMatch(r -> r.contains("2 open special deduction") && r.contains("RESTORED"));
        }

        @Test
        void special_deductions_hold_a_maintain_and_a_lowering_as_for_surveillance() {
            AuditResult maintaining = new AuditResult(AuditType.SPECIAL, new BigDecimal("85.0"), 1, false);
            AuditResult lowering = new AuditResult(AuditType.SPECIAL, new BigDecimal("75.0"), 1, false);

            assertThat(((CertificationDecision.Hold) decide(maintaining, active(Band.THREE_STAR, TODAY.minusYears(1))))
                    .pending()).isInstanceOf(CertificationDecision.Maintain.class);
            assertThat(((CertificationDecision.Hold) decide(lowering, active(Band.THREE_STAR, TODAY.minusYears(1))))
                    .pending()).isInstanceOf(CertificationDecision.Lower.class);
        }

        @Test
        void special_deductions_do_not_hold_a_suspension_or_a_refusal() {
            AuditResult failing = new AuditResult(AuditType.SPECIAL, new BigDecimal("60.0"), 2, false);

            assertThat(decide(failing, active(Band.COMPLIANT, TODAY.minusYears(1))))
                    .isInstanceOf(CertificationDecision.Suspend.class);
            assertThat(decide(failing, suspended(Band.COMPLIANT))).isInstanceOf(CertificationDecision.Refuse.class);
        }
    }
}
