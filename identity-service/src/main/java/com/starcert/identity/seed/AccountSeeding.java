package com.starcert.identity.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import com.starcert.identity.IdentitySettings;
import com.starcert.identity.account.Role;
import com.starcert.identity.client.ApiClientAdministration;
import com.starcert.identity.user.UserAdministration;

/**
 * Accounts that must exist before anyone can use the management API: the console client, the bootstrap CB_ADMIN
 * client, and whatever the seed file lists. Safe to run on every start and on several instances at once: it only
 * creates what is missing (inserts that lose a race are ignored) and, with {@code rotate}, resets secrets.
 */
@Component
public class AccountSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountSeeding.class);

    private final IdentitySettings settings;
    private final ApiClientAdministration clients;
    private final UserAdministration users;
    private final JsonMapper json;

    public AccountSeeding(IdentitySettings settings, ApiClientAdministration clients, UserAdministration users,
                          JsonMapper json) {
        this.settings = settings;
        this.clients = clients;
        this.users = users;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        clients.registerConsole(settings.console());
        IdentitySettings.Seed seed = settings.seed();
        if (seed.adminClientId() != null) {
            seedAdminClient(seed.adminClientId(), adminSecret(seed));
        }
        if (seed.file() != null) {
            seedFile(seed.file(), seed.rotate());
        }
    }

    /** The bootstrap administrator client, created with role CB_ADMIN if it does not exist. */
    public void seedAdminClient(String clientId, String secret) {
        if (clients.createIfMissing(clientId, secret, clientId, List.of(Role.CB_ADMIN), null)) {
            log.info("created the administrator client '{}'", clientId);
        }
    }

    /**
     * Creates every client and person of the file that does not exist; with {@code rotate}, also sets the file's
     * secret or password on those that do.
     */
    public void seedFile(Path file, boolean rotate) {
        SeedFile accounts = read(file);
        int created = 0;
        int rotated = 0;
        for (SeedFile.Client c : accounts.clients()) {
            String name = c.name() == null ? c.clientId() : c.name();
            if (clients.createIfMissing(c.clientId(), c.clientSecret(), name, c.roles(), c.enterpriseId())) {
                created++;
            } else if (rotate) {
                clients.resetSecret(c.clientId(), c.clientSecret());
                rotated++;
            }
        }
        for (SeedFile.User u : accounts.users()) {
            String name = u.name() == null ? u.username() : u.name();
            if (users.createIfMissing(u.username(), u.password(), name, u.roles(), u.enterpriseId())) {
                created++;
            } else if (rotate) {
                users.resetPassword(u.username(), u.password());
                rotated++;
            }
        }
        log.info("seed file {}: {} accounts created, {} secrets reset", file, created, rotated);
    }

    private SeedFile read(Path file) {
        SeedFile accounts;
        try {
            accounts = json.readValue(Files.readString(file, StandardCharsets.UTF_8), SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed file " + file, e);
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < accounts.clients().size(); i++) {
            SeedFile.Client c = accounts.clients().get(i);
            check(problems, "clients[" + i + "]", c.clientId(), c.clientSecret(), c.roles(), c.enterpriseId());
        }
        for (int i = 0; i < accounts.users().size(); i++) {
            SeedFile.User u = accounts.users().get(i);
            check(problems, "users[" + i + "]", u.username(), u.password(), u.roles(), u.enterpriseId());
        }
        if (!problems.isEmpty()) {
            // refuse to start half-seeded: the launcher would hand out credentials that do not work
            throw new IllegalStateException("the seed file " + file + " is invalid: " + String.join("; ", problems));
        }
        return accounts;
    }

    private static void check(List<String> problems, String at, String id, String secret, List<Role> roles,
                              String enterpriseId) {
        if (id == null || id.isBlank()) {
            problems.add(at + ": the id is missing");
        }
        if (secret == null || secret.isEmpty()) {
            problems.add(at + ": the secret or password is missing");
        }
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            problems.add(at + ": roles are missing");
            return;
        }
        String incompatible = Role.incompatibility(roles);
        if (incompatible != null) {
            problems.add(at + ": " + incompatible);
        }
        if (roles.contains(Role.ENTERPRISE) != (enterpriseId != null && !enterpriseId.isBlank())) {
            problems.add(at + ": an enterpriseId is required with role ENTERPRISE, and only then");
        }
    }

    private static String adminSecret(IdentitySettings.Seed seed) {
        if (seed.adminClientSecretFile() != null) {
            try {
                // secret files usually end with a newline that is not part of the secret
                return Files.readString(seed.adminClientSecretFile(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the admin client secret file "
                        + seed.adminClientSecretFile(), e);
            }
        }
        if (seed.adminClientSecret() == null) {
            throw new IllegalStateException("starcert.identity.seed.admin-client-id is set but neither "
                    + "admin-client-secret nor admin-client-secret-file is");
        }
        return seed.adminClientSecret();
    }
}
