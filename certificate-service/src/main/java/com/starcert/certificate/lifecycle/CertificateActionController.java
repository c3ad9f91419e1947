package com.starcert.certificate.lifecycle;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.certificate.decision.CertificateNumber;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.register.Actor;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.CertificateView;
import com.starcert.certificate.register.Certificates;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;
import com.starcert.support.web.IfMatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * CB actions on a certificate, each with a reason: 暂停 suspend, 恢复 restore, 撤销 withdraw, 注销 cancel. Only a
 * reviewer takes them (ISO/IEC 17021-1: whoever audits does not decide); the actor recorded is the token's subject.
 * Everyone who may see the certificate is let in so that the answer can tell "not yours to change" (403) from "not
 * there for you" (404, another enterprise's certificate). {@code If-Match} with the certificate's ETag is checked
 * when sent.
 */
@RestController
@RequestMapping("/api/certificates/{number}")
class CertificateActionController {

    private final CertificateLifecycle lifecycle;
    private final Certificates certificates;

    CertificateActionController(CertificateLifecycle lifecycle, Certificates certificates) {
        this.lifecycle = lifecycle;
        this.certificates = certificates;
    }

    record ActionRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/suspend")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ResponseEntity<CertificateView> suspend(@PathVariable String number, @Valid @RequestBody ActionRequest request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return act(number, CertificateStatus.SUSPENDED, request, ifMatch, caller);
    }

    @PostMapping("/restore")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ResponseEntity<CertificateView> restore(@PathVariable String number, @Valid @RequestBody ActionRequest request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return act(number, CertificateStatus.ACTIVE, request, ifMatch, caller);
    }

    @PostMapping("/withdraw")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ResponseEntity<CertificateView> withdraw(@PathVariable String number, @Valid @RequestBody ActionRequest request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return act(number, CertificateStatus.WITHDRAWN, request, ifMatch, caller);
    }

    /** 注销: given up at the holder's request. */
    @PostMapping("/cancel")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ResponseEntity<CertificateView> cancel(@PathVariable String number, @Valid @RequestBody ActionRequest request,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch, Caller caller) {
        return act(number, CertificateStatus.CANCELLED, request, ifMatch, caller);
    }

    private ResponseEntity<CertificateView> act(String number, CertificateStatus to, ActionRequest request,
            String ifMatch, Caller caller) {
        requireReviewer(number, caller);
        Certificate changed = lifecycle.act(number, to, request.reason().trim(), Actor.of(caller),
                IfMatch.ifSent(ifMatch));
        return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(CertificateView.of(changed));
    }

    /**
     * Other CB staff see the certificate but may not act on it: 403. An enterprise may see only its own
     * certificate: 403 for that one, 404 for another enterprise's as for one that does not exist.
     */
    private void requireReviewer(String number, Caller caller) {
        if (caller.has(Roles.REVIEWER)) {
            return;
        }
        if (!caller.cbStaff()) {
            String owner = CertificateNumber.parseRevised(number).flatMap(n -> certificates.byNumber(n.base()))
                    .map(Certificate::enterpriseId)
                    .orElseThrow(() -> new ApiProblemException.NotFound("certificate", number));
            caller.requireSees(owner, "certificate", number);
        }
        throw Caller.forbidden("only a reviewer suspends, restores, withdraws or cancels a certificate");
    }
}
