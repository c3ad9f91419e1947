package com.starcert.identity.client;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.starcert.identity.account.Role;

/**
 * {@code POST /api/api-clients}: a machine client. Scopes follow RFC 6749's scope-token syntax; without any the
 * client gets {@value ApiClient#DEFAULT_SCOPE}.
 */
public record CreateApiClientRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty List<@NotNull Role> roles,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}",
                message = "a scope is 1 to 64 printable characters without spaces, quotes or backslashes")
                String> scopes) {
}
