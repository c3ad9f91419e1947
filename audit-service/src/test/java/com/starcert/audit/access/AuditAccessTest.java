package com.starcert.audit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.starcert.audit.Audit;
import com.starcert.audit.Who;
import com.starcert.audit.access.AuditAccess.Act;
import com.starcert.audit.planning.AuditTeam;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.audit.planning.Selection;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Holder;
import com.starcert.contracts.SchemeRef;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.web.IfMatch;

/** The object-level rules of issue 7 on one audit, without Spring: who may act once their role let them in. */
class AuditAccessTest {

    static Audit audit(AuditTeam team) {
        Audit audit = Audit.planned("a1", "E1", new Holder("ACME", "91350100M000100Y43"), AuditType.INITIAL,
                new SchemeRef("GBT27922-2011", 1), 0, 0, 1L, null, true, false, BigDecimal.ONE, null,
                List.of(new PlannedSite("CENTRAL", null, true, Selection.CENTRAL, "always", "ACME", "350100", "a")),
                "c", Instant.parse("2026-03-01T08:00:00Z"), new Who("admin-1", "CB Admin"));
        if (team != null) {
            audit.assignTeam(team);
        }
        return audit;
    }

    static Caller caller(String sub, String role) {
        return new Caller(sub, null, Set.of(role), Set.of(), role.equals("ENTERPRISE") ? sub : null);
    }

    static final Audit TEAMED = audit(new AuditTeam("aud-on", List.of("rev-on")));

    @Test
    void onlyTheTeamsAuditorsAudit() {
        assertThatCode(() -> Act.AUDIT.require(TEAMED, caller("aud-on", "AUDITOR"))).doesNotThrowAnyException();
        assertThat(refusal(Act.AUDIT, TEAMED, caller("aud-off", "AUDITOR"))).contains("not on the team");
        // on the team, but not as an auditor
        assertThat(refusal(Act.AUDIT, TEAMED, caller("rev-on", "REVIEWER"))).contains("only an auditor");
        assertThat(refusal(Act.AUDIT, audit(null), caller("aud-on", "AUDITOR"))).contains("no audit team yet");
        AuditTeam migrated = AuditTeam.stored("aud-on", List.of(), null, null);
        assertThat(refusal(Act.AUDIT, audit(migrated), caller("aud-on", "AUDITOR"))).contains("no audit team yet");
    }

    @Test
    void whoeverAuditsDoesNotReview() {
        assertThatCode(() -> Act.REVIEW.require(TEAMED, caller("rev-off", "REVIEWER"))).doesNotThrowAnyException();
        assertThatCode(() -> Act.REVIEW.require(audit(null), caller("rev-off", "REVIEWER")))
                .doesNotThrowAnyException();
        assertThat(refusal(Act.REVIEW, TEAMED, caller("rev-on", "REVIEWER"))).contains("ISO/IEC 17021-1");
        // a reviewer who also audits, on the team by that account
        Caller both = new Caller("aud-on", null, Set.of("AUDITOR", "REVIEWER"), Set.of(), null);
        assertThat(refusal(Act.REVIEW, TEAMED, both)).contains("on the team");
        assertThat(refusal(Act.REVIEW, TEAMED, caller("admin-1", "CB_ADMIN"))).contains("only a reviewer");
    }

    @Test
    void theEnterpriseAnswersItsOwnCorrectiveActionsAndOnlyTheAdministratorSetsTheTeam() {
        assertThatCode(() -> Act.ANSWER.require(TEAMED, caller("E1", "ENTERPRISE"))).doesNotThrowAnyException();
        assertThat(refusal(Act.ANSWER, TEAMED, caller("E2", "ENTERPRISE"))).contains("audited enterprise");
        assertThat(refusal(Act.ANSWER, TEAMED, caller("admin-1", "CB_ADMIN"))).contains("audited enterprise");
        assertThatCode(() -> Act.ADMINISTER.require(TEAMED, caller("admin-1", "CB_ADMIN")))
                .doesNotThrowAnyException();
        assertThat(refusal(Act.ADMINISTER, TEAMED, caller("aud-on", "AUDITOR"))).contains("CB administrator");
    }

    @Test
    void ifMatchIsRequiredForReplacingUpdatesAndCheckedWhenSentOtherwise() {
        assertThatThrownBy(() -> Precondition.required(null).check(3)).isInstanceOf(IfMatch.PreconditionRequired.class);
        assertThatThrownBy(() -> Precondition.required("\"2\"").check(3))
                .isInstanceOf(IfMatch.PreconditionFailed.class);
        assertThatCode(() -> Precondition.required("W/\"3\"").check(3)).doesNotThrowAnyException();
        assertThatCode(() -> Precondition.ifSent(null).check(3)).doesNotThrowAnyException();
        assertThatCode(() -> Precondition.ifSent("*").check(3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Precondition.ifSent("\"2\"").check(3)).isInstanceOf(IfMatch.PreconditionFailed.class);
        assertThatThrownBy(() -> Precondition.ifSent("3").check(3)).isInstanceOf(ApiProblemException.class);
    }

    private static String refusal(Act act, Audit audit, Caller caller) {
        try {
            act.require(audit, caller);
        } catch (ApiProblemException.Forbidden e) {
            return e.getMessage();
        }
        throw new AssertionError(act + " allowed " + caller);
    }
}
