package com.starcert.certificate.register;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.certificate.decision.CertificateNumber;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.security.Caller;
import com.starcert.support.security.Roles;
import com.starcert.support.web.IfMatch;

/**
 * The register as the CB and the certified enterprise see it (scores, history, signature). CB staff see every
 * certificate; an enterprise only its own: another enterprise's certificate is not found, and its list is not
 * there for it.
 */
@RestController
@RequestMapping("/api/certificates")
class CertificateController {

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    /**
     * By base number or by the number of a revision ({@code …-R2}); both answer the current revision, with its
     * version as {@code ETag} for the {@code If-Match} of a CB action.
     */
    @GetMapping("/{number}")
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    ResponseEntity<CertificateView> byNumber(@PathVariable String number, Caller caller) {
        Certificate certificate = CertificateNumber.parseRevised(number)
                .flatMap(n -> certificates.byNumber(n.base()).filter(c -> n.revision() <= c.revision()))
                .orElseThrow(() -> new ApiProblemException.NotFound("certificate", number));
        caller.requireSees(certificate.enterpriseId(), "certificate", number);
        return ResponseEntity.ok().eTag(IfMatch.etag(certificate.version())).body(CertificateView.of(certificate));
    }

    /**
     * Newest first (by validity start, then number). An enterprise may leave {@code enterpriseId} out (its own);
     * naming another enterprise lists nothing, so the answer does not tell whether it holds certificates.
     */
    @GetMapping
    @RolesAllowed({Roles.CB_ADMIN, Roles.AUDITOR, Roles.REVIEWER, Roles.ENTERPRISE})
    List<CertificateView> ofEnterprise(@RequestParam(required = false) String enterpriseId, Caller caller) {
        boolean named = enterpriseId != null && !enterpriseId.isBlank();
        if (!caller.cbStaff()) {
            if (named && !caller.sees(enterpriseId)) {
                return List.of();
            }
            return list(caller.enterpriseId());
        }
        if (!named) {
            throw new ApiProblemException.InvalidRequest("enterpriseId",
                    "query parameter enterpriseId is required: the enterprise whose certificates to list");
        }
        return list(enterpriseId);
    }

    private List<CertificateView> list(String enterpriseId) {
        return certificates.ofEnterprise(enterpriseId).stream().map(CertificateView::of).toList();
    }
}
