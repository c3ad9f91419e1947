package com.starcert.audit.access;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.audit.planning.AuditTeam;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;

/**
 * The one way HTTP requests reach an audit, so that every endpoint applies issue 7's object rules in the same
 * order. The endpoint's {@code @RolesAllowed} has already refused a role that can never do this (403); then:
 * <ol>
 *   <li>no such audit: 404;</li>
 *   <li>an audit of an enterprise the caller may not see: 404 as well, so its existence is not revealed;</li>
 *   <li>the caller may see it but not do this to it ({@link Act}: not on the team, on the team, not its
 *       enterprise): 403;</li>
 *   <li>{@code If-Match} ({@link Precondition}): 428 / 412 — checked only now, since a 404 or 403 says more;</li>
 *   <li>the change itself, which refuses with an {@link ApiProblemException} (400, 409, 422) and then nothing is
 *       saved;</li>
 *   <li>one save, the optimistic lock turning a lost update into a 409.</li>
 * </ol>
 */
@Component
public class AuditAccess {

    private final AuditRepository audits;

    public AuditAccess(AuditRepository audits) {
        this.audits = audits;
    }

    /**
     * What a caller wants to do to one audit, and who may: the object-level half of the rule, the role being
     * checked again so that the rule reads whole here. ISO/IEC 17021-1: whoever audits does not decide.
     */
    public enum Act {
        /** Set the team: a CB administrator. */
        ADMINISTER {
            @Override
            void require(Audit audit, Caller caller) {
                if (!caller.has(Roles.CB_ADMIN)) {
                    throw Caller.forbidden("only a CB administrator may do this to audit " + audit.id());
                }
            }
        },
        /** Capture findings, attach evidence files, submit: an AUDITOR on the audit's team (审核组). */
        AUDIT {
            @Override
            void require(Audit audit, Caller caller) {
                AuditTeam team = audit.team();
                if (!caller.has(Roles.AUDITOR)) {
                    throw Caller.forbidden("only an auditor on the team of audit " + audit.id() + " may do this");
                }
                if (team == null || !team.assigned()) {
                    throw Caller.forbidden("audit " + audit.id() + " has no audit team yet; a CB administrator "
                            + "assigns it, and only its auditors may do this");
                }
                if (!team.includes(caller.subject())) {
                    throw Caller.forbidden("you are not on the team of audit " + audit.id()
                            + "; only its lead auditor and members may do this");
                }
            }
        },
        /** Return the audit, verify corrective actions: a REVIEWER who is not on the audit's team. */
        REVIEW {
            @Override
            void require(Audit audit, Caller caller) {
                if (!caller.has(Roles.REVIEWER)) {
                    throw Caller.forbidden("only a reviewer who was not on the team of audit " + audit.id()
                            + " may do this");
                }
                if (audit.team() != null && audit.team().includes(caller.subject())) {
                    throw Caller.forbidden("you are on the team of audit " + audit.id() + "; whoever audits does "
                            + "not review or decide (ISO/IEC 17021-1)");
                }
            }
        },
        /** Answer the audit's corrective actions (整改): its own enterprise. */
        ANSWER {
            @Override
            void require(Audit audit, Caller caller) {
                if (!caller.enterprise() || !caller.enterpriseId().equals(audit.enterpriseId())) {
                    throw Caller.forbidden("corrective actions of audit " + audit.id()
                            + " are answered by the audited enterprise");
                }
            }
        };

        abstract void require(Audit audit, Caller caller);
    }

    /** The audit if the caller may read it: CB staff every audit, an ENTERPRISE its own; otherwise 404. */
    public Audit read(String auditId, Caller caller) {
        Audit audit = audits.findById(auditId).orElseThrow(() -> new ApiProblemException.NotFound("audit", auditId));
        caller.requireSees(audit.enterpriseId(), "audit", auditId);
        return audit;
    }

    /**
     * Steps 1–4: the audit, once the caller was found allowed to {@code act} on it and its precondition holds.
     * For commands that save in a way of their own (an evidence file is stored before its description).
     */
    public Audit authorize(String auditId, Caller caller, Act act, Precondition precondition) {
        Audit audit = read(auditId, caller);
        act.require(audit, caller);
        precondition.check(audit.version());
        return audit;
    }

    /** Steps 1–6: a command on one audit; @return the audit as saved. */
    public Audit command(String auditId, Caller caller, Act act, Precondition precondition, Consumer<Audit> change) {
        Audit audit = authorize(auditId, caller, act, precondition);
        change.accept(audit);
        return audits.save(audit);
    }
}
