package com.starcert.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The local suite's first accounts, in {@code credentials.json} in the data directory (file mode 600): one API
 * client and one person per CB role, with random secrets made on this machine — never in the repository.
 * identity-service reads the same file as its seed ({@code starcert.identity.seed.file}): it creates what is
 * missing and, when the launcher had lost the file, resets the existing accounts to the new secrets.
 */
public record Credentials(String tokenEndpoint, List<Client> clients, List<User> users) {

    public record Client(String clientId, String clientSecret, List<String> roles) {
    }

    public record User(String username, String password, List<String> roles) {
    }

    public static final String FILE = "credentials.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CB_ROLES = List.of("CB_ADMIN", "AUDITOR", "REVIEWER", "OPERATOR");

    /** What {@link #ensure} found: the credentials, and whether they are new (the accounts must take them). */
    public record Ensured(Credentials credentials, Path file, boolean fresh) {
    }

    /**
     * The credentials in {@code dataDir}, or new random ones written there when the file is missing (then
     * {@link Ensured#fresh()} is true and identity-service must rotate any accounts that already exist).
     */
    public static Ensured ensure(Path dataDir, String tokenEndpoint) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                Credentials stored = JSON.readValue(file.toFile(), Credentials.class);
                if (!tokenEndpoint.equals(stored.tokenEndpoint())) {
                    stored = new Credentials(tokenEndpoint, stored.clients(), stored.users());
                    write(file, stored);
                }
                return new Ensured(stored, file, false);
            }
            Files.createDirectories(dataDir);
            Credentials fresh = generate(tokenEndpoint);
            write(file, fresh);
            return new Ensured(fresh, file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + file, e);
        }
    }

    public static Credentials read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + " — start the suite once with ./starcert run");
        }
        return JSON.readValue(file.toFile(), Credentials.class);
    }

    static Credentials generate(String tokenEndpoint) {
        List<Client> clients = CB_ROLES.stream()
                .map(role -> new Client("starcert-" + role.toLowerCase().replace("cb_", ""), secret(), List.of(role)))
                .toList();
        List<User> users = CB_ROLES.stream()
                .map(role -> new User(role.toLowerCase().replace("cb_", ""), secret(), List.of(role)))
                .toList();
        return new Credentials(tokenEndpoint, clients, users);
    }

    public Client client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no client " + clientId + " in " + FILE
                        + "; known: " + clients.stream().map(Client::clientId).toList()));
    }

    private static void write(Path file, Credentials credentials) throws IOException {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system
        }
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(credentials));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
