package com.starcert.identity.user;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.starcert.identity.account.EnterpriseIds;
import com.starcert.identity.account.Role;
import com.starcert.identity.problem.FieldProblem;

/** {@code POST /api/users}. */
public record CreateUserRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}",
                message = "3 to 64 characters: letters, digits, '.', '_', '@' or '-'") String username,
        @NotNull @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
        @NotBlank @Size(max = 100) String name,
        @NotEmpty List<@NotNull Role> roles,
        @Pattern(regexp = EnterpriseIds.PATTERN, message = EnterpriseIds.MESSAGE) String enterpriseId) {

    /** The rules between fields, checked once every field is valid on its own. */
    List<FieldProblem> crossFieldProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        String incompatible = Role.incompatibility(roles);
        if (incompatible != null) {
            problems.add(new FieldProblem("roles", incompatible));
        }
        boolean enterprise = roles.contains(Role.ENTERPRISE);
        if (enterprise && (enterpriseId == null || enterpriseId.isBlank())) {
            problems.add(new FieldProblem("enterpriseId", "required for role ENTERPRISE"));
        }
        if (!enterprise && enterpriseId != null) {
            problems.add(new FieldProblem("enterpriseId", "only allowed with role ENTERPRISE"));
        }
        return problems;
    }
}
