package com.starcert.certificate.register;

import com.starcert.support.security.Caller;

/**
 * The person (or client) behind a CB action, as their access token names them: {@code subject} is the token's
 * {@code sub}, {@code name} its display name. Never taken from a request header or body, so nobody can act in
 * another's name.
 */
public record Actor(String subject, String name) {

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.name());
    }
}
