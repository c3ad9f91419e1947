package com.starcert.scoring.scorecard;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;

/**
 * Score cards of audits: the latest revision, and every revision oldest first. CB staff see every card as soon as
 * it is scored. An enterprise sees only its own audits' cards, and only the revisions already decided: before the
 * certification decision the score is the CB's working material (it may still return the audit for correction), so
 * an undecided card answers 404 as if it were not there yet — as does another enterprise's, and a card stored
 * without an enterprise.
 */
@RestController
@RequestMapping("/api/scores")
class ScoreCardController {

    private final ScoreCards cards;

    ScoreCardController(ScoreCards cards) {
        this.cards = cards;
    }

    @GetMapping("/{auditId}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ScoreCardView latest(@PathVariable String auditId, Caller caller) {
        return cards.latest(auditId, narrowedTo(caller), !caller.cbStaff()).map(ScoreCardView::of)
                .orElseThrow(() -> new ApiProblemException.NotFound("score for audit", auditId));
    }

    @GetMapping("/{auditId}/revisions")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    List<ScoreCardView> revisions(@PathVariable String auditId, Caller caller) {
        List<ScoreCardView> revisions = cards.revisions(auditId, narrowedTo(caller), !caller.cbStaff()).stream()
                .map(ScoreCardView::of).toList();
        if (revisions.isEmpty()) {
            throw new ApiProblemException.NotFound("score for audit", auditId);
        }
        return revisions;
    }

    /** CB staff read across enterprises; an enterprise principal only ever its own (the query is narrowed). */
    private static String narrowedTo(Caller caller) {
        if (caller.cbStaff()) {
            return null;
        }
        if (!caller.enterprise()) {
            throw Caller.forbidden("score cards are for CB staff and the audited enterprise");
        }
        return caller.enterpriseId();
    }
}
