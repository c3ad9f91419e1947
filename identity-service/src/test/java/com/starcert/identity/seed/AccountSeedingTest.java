package com.starcert.identity.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.json.JsonMapper;

import com.starcert.identity.IdentityIntegrationTest;
import com.starcert.identity.IdentitySettings;
import com.starcert.identity.account.Role;
import com.starcert.identity.client.ApiClient;
import com.starcert.identity.client.ApiClientAdministration;
import com.starcert.identity.client.ApiClients;
import com.starcert.identity.user.UserAccount;
import com.starcert.identity.user.UserAccounts;
import com.starcert.identity.user.UserAdministration;

/** Start-up accounts: the admin client, the console, the seed file with and without rotation. */
class AccountSeedingTest extends IdentityIntegrationTest {

    @Autowired
    AccountSeeding seeding;
    @Autowired
    ApiClients clients;
    @Autowired
    UserAccounts users;
    @Autowired
    ApiClientAdministration clientAdministration;
    @Autowired
    UserAdministration userAdministration;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JsonMapper json;

    @TempDir
    Path dir;

    @Test
    void startUpCreatedTheAdminTheConsoleAndTheFilesAccountsWithHashedSecrets() {
        ApiClient admin = clients.findById(ADMIN_ID).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.CB_ADMIN);
        assertThat(admin.name()).isEqualTo(ADMIN_ID);
        assertThat(admin.secretHash()).startsWith("{bcrypt}").isNotEqualTo(ADMIN_SECRET);

        ApiClient console = clients.findById("starcert-console").orElseThrow();
        assertThat(console.publicClient()).isTrue();
        assertThat(console.secretHash()).isNull();
        assertThat(console.grantTypes()).containsExactly("authorization_code", "refresh_token");
        assertThat(console.redirectUris()).containsExactly("http://localhost:8080/login/oauth2/code/starcert");
        assertThat(console.scopes()).containsExactly("openid", "profile");

        ApiClient integrator = clients.findById("seeded-integrator").orElseThrow();
        assertThat(integrator.secretHash()).startsWith("{bcrypt}");
        assertThat(encoder.matches("seeded-integrator-secret-1", integrator.secretHash())).isTrue();
        assertThat(integrator.name()).isEqualTo("seeded-integrator");

        UserAccount enterprise = users.findById("enterprise.li").orElseThrow();
        assertThat(enterprise.name()).as("display name defaults to the username").isEqualTo("enterprise.li");
        assertThat(enterprise.enterpriseId()).isEqualTo("ent-seeded");
        assertThat(enterprise.passwordHash()).startsWith("{bcrypt}").doesNotContain("enterprise-password-1");
    }

    @Test
    void existingAccountsKeepTheirSecretsUnlessRotateIsSet() throws IOException {
        Path first = write("first.json", "rot-client", "first-secret-123", "rot.user", "first-password-1");
        seeding.seedFile(first, false);
        assertThat(clientSecretIs("rot-client", "first-secret-123")).isTrue();
        assertThat(passwordIs("rot.user", "first-password-1")).isTrue();
        assertThat(http().clientCredentials("rot-client", "first-secret-123").statusCode()).isEqualTo(200);

        Path second = write("second.json", "rot-client", "second-secret-456", "rot.user", "second-password-2");
        seeding.seedFile(second, false);
        assertThat(clientSecretIs("rot-client", "first-secret-123")).as("untouched without rotate").isTrue();
        assertThat(passwordIs("rot.user", "first-password-1")).isTrue();

        seeding.seedFile(second, true);
        assertThat(clientSecretIs("rot-client", "second-secret-456")).as("rotated").isTrue();
        assertThat(clientSecretIs("rot-client", "first-secret-123")).isFalse();
        assertThat(passwordIs("rot.user", "second-password-2")).isTrue();
        assertThat(http().clientCredentials("rot-client", "second-secret-456").statusCode()).isEqualTo(200);
        assertThat(http().clientCredentials("rot-client", "first-secret-123").statusCode()).isEqualTo(401);
        // the roles were not touched by the rotation
        assertThat(clients.findById("rot-client").orElseThrow().roles()).containsExactly(Role.AUDITOR);
    }

    @Test
    void theAdminSecretMayComeFromAFile() throws IOException {
        Path secretFile = Files.writeString(dir.resolve("admin-secret"), "secret-from-a-file-0123\n");
        IdentitySettings settings = new IdentitySettings(null, null, null, null, null, null, null,
                new IdentitySettings.Seed("file-admin", null, secretFile, null, false));
        new AccountSeeding(settings, clientAdministration, userAdministration, json).run(null);
        assertThat(clients.findById("file-admin").orElseThrow().roles()).containsExactly(Role.CB_ADMIN);
        assertThat(http().clientCredentials("file-admin", "secret-from-a-file-0123").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidSeedFileIsRefusedWhole() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"clients": [{"clientId": "half-seeded", "clientSecret": "s3cret-s3cret", "roles": ["AUDITOR"]}],
                 "users": [{"username": "ent.without.id", "password": "long-password-1", "roles": ["ENTERPRISE"]}]}
                """);
        assertThatThrownBy(() -> seeding.seedFile(bad, false)).hasMessageContaining("users[0]");
        assertThat(clients.existsById("half-seeded")).isFalse();
    }

    private Path write(String name, String clientId, String secret, String username, String password)
            throws IOException {
        return Files.writeString(dir.resolve(name), """
                {"tokenEndpoint": "http://localhost:8080/oauth2/token",
                 "clients": [{"clientId": "%s", "clientSecret": "%s", "roles": ["AUDITOR"]}],
                 "users": [{"username": "%s", "password": "%s", "roles": ["REVIEWER"]}]}
                """.formatted(clientId, secret, username, password));
    }

    private boolean clientSecretIs(String clientId, String secret) {
        return encoder.matches(secret, clients.findById(clientId).orElseThrow().secretHash());
    }

    private boolean passwordIs(String username, String password) {
        return encoder.matches(password, users.findById(username).orElseThrow().passwordHash());
    }
}
