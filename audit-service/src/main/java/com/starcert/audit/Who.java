package com.starcert.audit;

import com.starcert.support.security.Caller;

/**
 * Who did something to an audit, as recorded in its timeline, evidence files, corrective-action answers and
 * verifications: the access token's {@code sub} (the stable id the rules compare) and its {@code name} (for people
 * to read). No request header can set it; events name the producing service instead.
 */
public record Who(String sub, String name) {

    public Who {
        if (sub == null || sub.isBlank()) {
            throw new IllegalArgumentException("an actor needs a subject");
        }
        name = name == null || name.isBlank() ? sub : name;
    }

    public static Who of(Caller caller) {
        return new Who(caller.subject(), caller.name());
    }
}
