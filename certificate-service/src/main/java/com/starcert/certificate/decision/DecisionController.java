package com.starcert.certificate.decision;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.problem.ApiProblemException;

/** The CB sees every decision, refusals and holds included. */
@RestController
class DecisionController {

    private final Decisions decisions;

    DecisionController(Decisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/api/decisions/{auditId}")
    DecisionView latest(@PathVariable String auditId) {
        return decisions.latest(auditId).map(DecisionView::of)
                .orElseThrow(() -> new ApiProblemException.NotFound("certification decision for audit", auditId));
    }
}
