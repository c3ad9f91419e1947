package com.starcert.certificate.decision;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;

/**
 * The CB sees every decision, refusals and holds included. An enterprise sees the decisions on its own audits once
 * they are taken: a decision HELD for corrective actions is not taken yet (it carries the score, which the
 * enterprise sees only with the decision, as scoring-service shows it the score card), so it answers 404 like
 * another enterprise's decision or an unknown audit.
 */
@RestController
class DecisionController {

    private final Decisions decisions;

    DecisionController(Decisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/decisions/{auditId}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    DecisionView latest(@PathVariable String auditId, Caller caller) {
        Decision decision = decisions.latest(auditId)
                .orElseThrow(() -> new ApiProblemException.NotFound("certification decision for audit", auditId));
        caller.requireSees(decision.enterpriseId(), "certification decision for audit", auditId);
        if (!caller.cbStaff() && (decision.outcome() == Outcome.HELD || decision.outcome() == Outcome.RETURNED)) {
            throw new ApiProblemException.NotFound("certification decision for audit", auditId);
        }
        return DecisionView.of(decision);
    }
}
