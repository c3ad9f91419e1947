package com.starcert.support.messaging;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.security.Roles;

/**
 * {@code POST /api/operations/dead-letters/{topic}/redrive} (OPERATOR): puts this service's dead letters of the
 * source topic {@code topic} back on it (see {@link DeadLetters}); the gateway asks every service and adds up.
 */
@RestController
public class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @PostMapping("/api/operations/dead-letters/{topic}/redrive")
    @RolesAllowed(Roles.OPERATOR)
    public DeadLetters.Redrive redrive(@PathVariable String topic) {
        return deadLetters.redrive(topic);
    }
}
