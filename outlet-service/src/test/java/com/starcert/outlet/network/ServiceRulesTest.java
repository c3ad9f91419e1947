package com.starcert.outlet.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.starcert.outlet.registry.InvalidValueException;
import com.starcert.support.problem.FieldProblem;

class ServiceRulesTest {

    @Test
    void acceptsTheTypicalTenderCommitments() {
        assertThat(ServiceCommitments.problems(2, 4, 24)).isEmpty();
        assertThat(ServiceCommitments.problems(1, 48, 48)).isEmpty();
        assertThat(ServiceCommitments.problems(24, 24, 24)).isEmpty();
    }

    @Test
    void commitmentsMustBePositive() {
        assertThat(ServiceCommitments.problems(0, -1, null)).containsExactly(
                new FieldProblem("responseHours", "must be a positive number of hours"),
                new FieldProblem("onSiteHours", "must be a positive number of hours"),
                new FieldProblem("resolutionHours", "is required"));
    }

    @Test
    void respondingAndArrivingCannotBePromisedAfterResolving() {
        assertThat(ServiceCommitments.problems(25, 48, 24)).extracting(FieldProblem::field)
                .containsExactly("responseHours", "onSiteHours");
        assertThat(ServiceCommitments.problems(2, 48, 24)).extracting(FieldProblem::field)
                .containsExactly("onSiteHours");
        assertThatThrownBy(() -> new ServiceCommitments(2, 48, 24)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void onSiteMayComeBeforeOrAfterTheResponse() {
        // only the order against resolution is a rule; "on site in 1 h, response in 2 h" is odd but not contradictory
        assertThat(ServiceCommitments.problems(2, 1, 24)).isEmpty();
    }

    @Test
    void serviceHoursStayWithinAWeekAndADay() {
        assertThat(ServiceHours.problems(7, 24)).isEmpty();
        assertThat(ServiceHours.problems(1, 1)).isEmpty();
        assertThat(ServiceHours.problems(0, 25)).extracting(FieldProblem::field)
                .containsExactly("daysPerWeek", "hoursPerDay");
        assertThat(ServiceHours.problems(8, 0)).hasSize(2);
        assertThat(ServiceHours.problems(null, 8)).containsExactly(new FieldProblem("daysPerWeek", "is required"));
    }
}
