package com.starcert.outlet.infra;

import com.starcert.support.security.Caller;

/**
 * Who did something (a status change, an import), as recorded with it: the access token's {@code sub} and its
 * {@code name} for display. Always taken from the validated token, never from a request header, so that nobody can
 * act under another name.
 */
public record Actor(String subject, String name) {

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.name());
    }
}
