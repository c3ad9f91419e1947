package com.starcert.certificate.register;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.problem.ApiProblemException;

@RestController
@RequestMapping("/api/certificates")
class CertificateController {

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/{number}")
    CertificateView byNumber(@PathVariable String number) {
        return certificates.byNumber(number).map(CertificateView::of)
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
