package com.starcert.identity.client;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.identity.account.EnterpriseIds;
import com.starcert.identity.account.Role;
import com.starcert.identity.problem.ApiProblem;
import com.starcert.identity.problem.FieldProblem;
import com.starcert.identity.security.TokenClaims;

/**
 * API clients. The security configuration lets only CB_ADMIN through, except to an enterprise's own route, which
 * ENTERPRISE principals may also reach: whether it is <em>their</em> enterprise is decided here.
 */
@RestController
public class ApiClientController {

    private final ApiClientAdministration administration;
    private final Validator validator;

    public ApiClientController(ApiClientAdministration administration, Validator validator) {
        this.administration = administration;
        this.validator = validator;
    }

    @PostMapping("/api/api-clients")
    @ResponseStatus(HttpStatus.CREATED)
    public ApiClientViews.Created create(@Valid @RequestBody CreateApiClientRequest request) {
        return administration.create(request);
    }

    @GetMapping("/api/api-clients")
    public List<ApiClientViews.Listed> list() {
        return administration.list();
    }

    /**
     * The body is validated only after the caller is known to be allowed here, so an enterprise learns nothing
     * about another enterprise's route, not even how it validates.
     */
    @PostMapping("/api/enterprises/{enterpriseId}/api-clients")
    @ResponseStatus(HttpStatus.CREATED)
    public ApiClientViews.Created createForEnterprise(@PathVariable String enterpriseId,
                                                      @RequestBody(required = false)
                                                      CreateEnterpriseClientRequest request,
                                                      Authentication caller) {
        requireAccessTo(enterpriseId, caller);
        if (!EnterpriseIds.valid(enterpriseId)) {
            throw ApiProblem.invalid("enterpriseId", EnterpriseIds.MESSAGE);
        }
        if (request == null) {
            throw ApiProblem.invalid("$", "the request body is missing");
        }
        Set<ConstraintViolation<CreateEnterpriseClientRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations.stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        return administration.createForEnterprise(enterpriseId, request);
    }

    /** CB_ADMIN: any enterprise. ENTERPRISE: its own only; another's does not exist as far as it can tell. */
    private static void requireAccessTo(String enterpriseId, Authentication caller) {
        if (TokenClaims.hasRole(caller, Role.CB_ADMIN)) {
            return;
        }
        String own = caller instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getClaimAsString(TokenClaims.ENTERPRISE_ID) : null;
        if (!TokenClaims.hasRole(caller, Role.ENTERPRISE) || own == null || !own.equals(enterpriseId)) {
            throw ApiProblem.notFound("no enterprise '" + enterpriseId + "' for this client");
        }
    }
}
