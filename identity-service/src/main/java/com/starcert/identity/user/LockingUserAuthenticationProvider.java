package com.starcert.identity.user;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.starcert.identity.account.Lockout;

/**
 * Username and password sign-in with lockout. The password check itself is Spring Security's
 * {@link DaoAuthenticationProvider}, which refuses a locked account before looking at the password (so a locked
 * person gets "locked", even with the right password); around it we count wrong passwords and clear the count on
 * success. It is the one {@link AuthenticationProvider} bean, so it is the global authentication manager's only
 * provider and no second, lockout-free path exists.
 */
@Component
public class LockingUserAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final Lockout lockout;

    public LockingUserAuthenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder,
                                             Lockout lockout) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.lockout = lockout;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        try {
            Authentication result = passwords.authenticate(authentication);
            lockout.succeeded(UserAccount.COLLECTION, username);
            return result;
        } catch (BadCredentialsException wrongPassword) {
            if (lockout.failed(UserAccount.COLLECTION, username)) {
                throw new LockedException("too many failed sign-ins; the account is locked for a while");
            }
            throw wrongPassword;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
