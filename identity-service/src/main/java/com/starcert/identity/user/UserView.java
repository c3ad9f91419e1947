package com.starcert.identity.user;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.starcert.identity.account.Role;

/** A person as the management API shows them: never the password hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(String username, String name, List<Role> roles, String enterpriseId, Boolean enabled,
                       Boolean locked) {

    static UserView created(UserAccount account) {
        return new UserView(account.username(), account.name(), account.roles(), account.enterpriseId(), null,
                null);
    }

    static UserView listed(UserAccount account, boolean locked) {
        return new UserView(account.username(), account.name(), account.roles(), account.enterpriseId(),
                account.enabled(), locked);
    }
}
