package com.starcert.certificate.register;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.certificate.decision.CertificateNumber;
import com.starcert.support.problem.ApiProblemException;

@RestController
@RequestMapping("/api/certificates")
class CertificateController {

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    /** By base number or by the number of a revision ({@code …-R2}); both answer the current revision. */
    @GetMapping("/{number}")
    CertificateView byNumber(@PathVariable String number) {
        return CertificateNumber.parseRevised(number)
                .flatMap(n -> certificates.byNumber(n.base()).filter(c -> n.revision() <= c.revision()))
                .map(CertificateView::of)
                .orElseThrow(() -> new ApiProblemException.NotFound("certificate", number));
    }

    /** Newest first (by validity start, then number). */
    @GetMapping
    List<CertificateView> ofEnterprise(@RequestParam(required = false) String enterpriseId) {
        if (enterpriseId == null || enterpriseId.isBlank()) {
            throw new ApiProblemException.InvalidRequest("enterpriseId",
                    "query parameter enterpriseId is required: the enterprise whose certificates to list");
        }
        return certificates.ofEnterprise(enterpriseId).stream().map(CertificateView::of).toList();
    }
}
