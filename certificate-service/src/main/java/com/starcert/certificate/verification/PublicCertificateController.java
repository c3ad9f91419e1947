package com.starcert.certificate.verification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.certificate.CertificateSettings;
import com.starcert.certificate.decision.CertificateNumber;
import com.starcert.certificate.decision.CertificateStatus;
import com.starcert.certificate.register.Certificate;
import com.starcert.certificate.register.Certificates;
import com.starcert.support.problem.ApiProblemException;
import com.starcert.support.problem.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Public verification (公开查询), no login: only what docs/domain.md §5 makes public. A token is not needed; one that is sent
 * must be valid (the resource server refuses a bad one with 401).
 */
@RestController
@RequestMapping("/api/public")
class PublicCertificateController {

    static final int MAX_PAGE_SIZE = 100;

    private final Certificates certificates;
    private final CertificateSignatures signatures;
    private final SigningKeys keys;
    private final CertificateSettings settings;
    private final java.time.Clock clock;

    PublicCertificateController(Certificates certificates, CertificateSignatures signatures, SigningKeys keys,
                                CertificateSettings settings, java.time.Clock clock) {
        this.certificates = certificates;
        this.signatures = signatures;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** Today in the CB's zone, the day validity is judged on. */
    private java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    @GetMapping("/certificates/{number}")
    @PermitAll
    ResponseEntity<PublicCertificate> byNumber(@PathVariable String number) {
        PublicCertificate found = find(number).map(c -> PublicCertificate.of(c, settings.scope(), today()))
                .orElseThrow(() -> new ApiProblemException.NotFound("certificate", number));
        return ResponseEntity.ok().cacheControl(publicAnswer()).body(found);
    }

    /**
     * Kept at most {@code starcert.certificate.public-max-age} by anyone (the gateway's cache, proxies, browsers);
     * the {@code ETag} and the 304 answer to {@code If-None-Match} come from {@link PublicAnswers}.
     */
    private CacheControl publicAnswer() {
        return CacheControl.maxAge(settings.publicMaxAge()).cachePublic();
    }

    @GetMapping("/certificates")
    @PermitAll
    ResponseEntity<List<PublicCertificate>> search(@RequestParam(required = false) String uscc,
                                                   @RequestParam(required = false) String name,
                                                   @RequestParam(defaultValue = "0") int page,
                                                   @RequestParam(defaultValue = "20") int size) {
        String byUscc = blankToNull(uscc);
        String byName = blankToNull(name);
        if (byUscc == null && byName == null) {
            throw new ApiProblemException.InvalidRequest(List.of(
                    new FieldProblem("uscc", "give uscc (统一社会信用代码) or name to search by"),
                    new FieldProblem("name", "give uscc (统一社会信用代码) or name to search by")));
        }
        if (page < 0) {
            throw new ApiProblemException.InvalidRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiProblemException.InvalidRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<PublicCertificate> found = certificates.search(byUscc, byName, page, size).stream()
                .map(c -> PublicCertificate.of(c, settings.scope(), today())).toList();
        return ResponseEntity.ok().cacheControl(publicAnswer())
                .header("X-Total-Count", Long.toString(certificates.count(byUscc, byName)))
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "X-Total-Count")
                .body(found);
    }

    /** The CB's public keys, current and retired, as a JWK set (RFC 7517). */
    @GetMapping(value = "/keys", produces = {"application/jwk-set+json", "application/json"})
    @PermitAll
    Map<String, Object> keys() {
        return keys.publicKeys().toJSONObject(true);
    }

    /**
     * Takes {@code {"certificate": {…public fields…}, "signature": "<compact JWS>"}}, the body of
     * {@code GET /api/public/certificates/{number}} as it is (fields and {@code signature} side by side), or just
     * {@code {"signature": "<compact JWS>"}} / a JSON string holding the JWS.
     */
    @PostMapping("/certificates/verify")
    @PermitAll
    Verification verify(@RequestBody JsonNode body) {
        String jws;
        JsonNode certificate = null;
        if (body.isString()) {
            jws = body.stringValue();
        } else if (body.isObject() && body.path("signature").isString()) {
            jws = body.path("signature").stringValue();
            if (body.path("certificate").isObject()) {
                certificate = body.get("certificate");
            } else if (body.has("number")) {
                certificate = body;
            }
        } else {
            throw new ApiProblemException.InvalidRequest("signature",
                    "give the certificate's compact JWS in signature (with the certificate's fields beside it)");
        }
        if (jws == null || jws.isBlank()) {
            throw new ApiProblemException.InvalidRequest("signature", "must not be blank");
        }
        CertificateSignatures.Check check = signatures.check(jws);
        if (check instanceof CertificateSignatures.Check.Invalid invalid) {
            return Verification.rejected(invalid.reason());
        }
        CertificateSignatures.Check.Valid valid = (CertificateSignatures.Check.Valid) check;
        CertificateDocument signed = valid.document();
        if (certificate != null) {
            CertificateDocument submitted;
            try {
                submitted = CertificateSignatures.CANONICAL.treeToValue(certificate, CertificateDocument.class);
            } catch (JacksonException | IllegalArgumentException e) {
                return Verification.rejected("the certificate's fields cannot be read: " + e.getMessage());
            }
            if (!signed.equals(submitted)) {
                return answer(false, "the certificate's fields differ from what the CB signed: altered", signed,
                        valid.keyId());
            }
        }
        return answer(true, null, signed, valid.keyId());
    }

    private Verification answer(boolean intact, String reason, CertificateDocument signed, String keyId) {
        Optional<Certificate> inRegister = certificates.byNumber(signed.number());
        if (inRegister.isEmpty()) {
            return new Verification(intact, intact ? "signed by the CB, but certificate " + signed.number()
                    + " is not in its register" : reason, signed.number(), signed.revision(), signed.displayNumber(),
                    null, null, false, false, signed.level(), signed.validUntil(), keyId);
        }
        Certificate c = inRegister.get();
        boolean current = c.revision() == signed.revision();
        boolean valid = intact && current && c.validOn(today());
        String why = reason;
        if (intact) {
            why = !current ? "genuine, but revision " + signed.revision() + " was replaced by revision "
                    + c.revision() + " (" + c.displayNumber() + "): not valid"
                    : valid ? "genuine and valid today"
                    : c.status() != CertificateStatus.ACTIVE ? "genuine, but " + c.status().name().toLowerCase()
                            + (c.statusReason() == null ? "" : ": " + c.statusReason()) + ": not valid"
                    : "genuine, but not valid today (valid " + c.validFrom() + " to " + c.validUntil() + ")";
        }
        return new Verification(intact, why, signed.number(), signed.revision(), signed.displayNumber(),
                c.status().name(), c.revision(), current, valid, signed.level(), signed.validUntil(), keyId);
    }

    private Optional<Certificate> find(String number) {
        return CertificateNumber.parseRevised(number)
                .flatMap(n -> certificates.byNumber(n.base()).filter(c -> n.revision() <= c.revision()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
