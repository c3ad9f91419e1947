package com.starcert.identity.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/enterprises/{enterpriseId}/api-clients}. */
public record CreateEnterpriseClientRequest(@NotBlank @Size(max = 100) String name) {
}
