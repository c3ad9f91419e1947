package com.starcert.identity.user;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import com.starcert.identity.account.Lockout;
import com.starcert.identity.account.Role;

/**
 * People for the login form. It answers Spring Security's plain {@link User} (not a class of ours) because the
 * signed-in principal is stored with authorization codes and refresh tokens as JSON, and Spring Security's JSON
 * support only admits its own types.
 */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final UserAccounts users;
    private final Lockout lockout;

    public AccountUserDetailsService(UserAccounts users, Lockout lockout) {
        this.users = users;
        this.lockout = lockout;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findById(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(account.roles().stream().map(Role::authority).toArray(String[]::new))
                .disabled(!account.enabled())
                .accountLocked(lockout.isLocked(account.lockedUntil()))
                .build();
    }
}
