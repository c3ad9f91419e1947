package com.starcert.audit.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.audit.Audit;
import com.starcert.audit.AuditRepository;
import com.starcert.audit.AuditSettings;
import com.starcert.audit.network.NetworkStore;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;

/** The certification programme: CB staff for every enterprise, an enterprise for its own (another's is 404). */
@RestController
public class ProgrammeController {

    private final ProgrammeStore programmes;
    private final AuditRepository audits;
    private final NetworkStore network;
    private final ProgrammeSchedule schedule;
    private final Clock clock;

    public ProgrammeController(ProgrammeStore programmes, AuditRepository audits, NetworkStore network,
                               AuditSettings settings, Clock clock) {
        this.programmes = programmes;
        this.audits = audits;
        this.network = network;
        this.schedule = new ProgrammeSchedule(settings.surveillanceIntervalMonths(),
                settings.recertificationLeadMonths());
        this.clock = clock;
    }

    @GetMapping("/api/enterprises/{enterpriseId}/programme")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    public ProgrammeView programme(@PathVariable String enterpriseId, Caller caller) {
        caller.requireSees(enterpriseId, "enterprise", enterpriseId);
        Programme p = programmes.programme(enterpriseId).orElse(null);
        if (p == null && network.enterprise(enterpriseId).isEmpty()) {
            throw new ApiProblemException.NotFound("enterprise", enterpriseId);
        }
        List<Audit> all = audits.findByEnterpriseIdOrderByCreatedAtDesc(enterpriseId);
        LocalDate today = LocalDate.now(clock);
        return new ProgrammeView(enterpriseId, p == null ? null : p.certificateNumber(),
                p == null ? null : p.certificateStatus(), p == null ? null : p.decidedOn(),
                p == null ? null : p.validUntil(), p == null ? null : p.cycleId(), schedule.entries(p, all, today));
    }
}
