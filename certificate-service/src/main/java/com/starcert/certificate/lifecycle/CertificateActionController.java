package com.starcert.certificate.lifecycle;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.register.CertificateView;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** CB actions on a certificate, each with a reason: 暂停 suspend, 恢复 restore, 撤销 withdraw, 注销 cancel. */
@RestController
@RequestMapping("/api/certificates/{number}")
class CertificateActionController {

    private final CertificateLifecycle lifecycle;

    CertificateActionController(CertificateLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    record ActionRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/suspend")
    CertificateView suspend(@PathVariable String number, @Valid @RequestBody ActionRequest request) {
        return CertificateView.of(lifecycle.act(number, CertificateStatus.SUSPENDED, request.reason().trim()));
    }

    @PostMapping("/restore")
    CertificateView restore(@PathVariable String number, @Valid @RequestBody ActionRequest request) {
        return CertificateView.of(lifecycle.act(number, CertificateStatus.ACTIVE, request.reason().trim()));
    }

    @PostMapping("/withdraw")
    CertificateView withdraw(@PathVariable String number, @Valid @RequestBody ActionRequest request) {
        return CertificateView.of(lifecycle.act(number, CertificateStatus.WITHDRAWN, request.reason().trim()));
    }

    /** 注销: given up at the holder's request. */
    @PostMapping("/cancel")
    CertificateView cancel(@PathVariable String number, @Valid @RequestBody ActionRequest request) {
        return CertificateView.of(lifecycle.act(number, CertificateStatus.CANCELLED, request.reason().trim()));
    }
}
