package com.starcert.identity.seed;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import com.starcert.identity.account.Role;

/**
 * The accounts file of {@code starcert.identity.seed.file}, as the local launcher writes it:
 * {@code {"tokenEndpoint": "...", "clients": [{"clientId", "clientSecret", "roles"}],
 * "users": [{"username", "password", "roles"}]}}. {@code tokenEndpoint} is for the launcher's own use. Optional
 * extras: {@code name} and {@code enterpriseId} on either (the name defaults to the id).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeedFile(String tokenEndpoint, List<Client> clients, List<User> users) {

    public SeedFile {
        clients = clients == null ? List.of() : clients;
        users = users == null ? List.of() : users;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Client(String clientId, String clientSecret, List<Role> roles, String name, String enterpriseId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String username, String password, List<Role> roles, String name, String enterpriseId) {
    }
}
