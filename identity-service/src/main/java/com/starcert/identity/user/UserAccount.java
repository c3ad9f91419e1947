package com.starcert.identity.user;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.identity.account.Role;

/**
 * A person who signs in through the login page. The username is the document id, so two people can never get the
 * same one (an insert of an existing one fails atomically).
 *
 * @param passwordHash   delegating-encoder hash ({@code {bcrypt}…}); never leaves the service
 * @param enterpriseId   the enterprise an ENTERPRISE person acts for; null otherwise
 * @param failedAttempts consecutive wrong passwords since the last success or lock
 * @param lockedUntil    sign-in refused until then
 */
@Document("users")
public record UserAccount(@Id String username, String passwordHash, String name, List<Role> roles,
                          String enterpriseId, boolean enabled, int failedAttempts, Instant lockedUntil,
                          Instant createdAt) {

    public static final String COLLECTION = "users";

    public static UserAccount create(String username, String passwordHash, String name, List<Role> roles,
                                     String enterpriseId, Instant now) {
        return new UserAccount(username, passwordHash, name, List.copyOf(roles), enterpriseId, true, 0, null, now);
    }
}
