package com.starcert.scoring.scorecard;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.problem.ApiProblemException;

/** Score cards of audits: the latest revision, and every revision oldest first. */
@RestController
@RequestMapping("/api/scores")
class ScoreCardController {

    private final ScoreCards cards;

    ScoreCardController(ScoreCards cards) {
        this.cards = cards;
    }

    @GetMapping("/{auditId}")
    ScoreCardView latest(@PathVariable String auditId) {
        return cards.latest(auditId, null).map(ScoreCardView::of)
                .orElseThrow(() -> new ApiProblemException.NotFound("score for audit", auditId));
    }

    @GetMapping("/{auditId}/revisions")
    List<ScoreCardView> revisions(@PathVariable String auditId) {
        List<ScoreCardView> revisions = cards.revisions(auditId, null).stream().map(ScoreCardView::of).toList();
        if (revisions.isEmpty()) {
            throw new ApiProblemException.NotFound("score for audit", auditId);
        }
        return revisions;
    }
}
