package com.starcert.support.messaging;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.starcert.support.security.Roles;

/**
 * The operator's remedies for events that did not get through (OPERATOR); the gateway asks every service and adds
 * up:
 * <ul>
 *   <li>{@code POST /api/operations/dead-letters/{topic}/redrive}: puts this service's dead letters of the source
 *       topic {@code topic} back on it (see {@link DeadLetters});</li>
 *   <li>{@code POST /api/operations/outbox/parked/resend}: puts the events the broker refused for good back into
 *       their outboxes, once the cause is removed (see {@link OutboxRelay#resendParked()}).</li>
 * </ul>
 */
@RestController
public class OperationsController {

    private final DeadLetters deadLetters;
    private final OutboxRelay relay;

    OperationsController(DeadLetters deadLetters, OutboxRelay relay) {
        this.deadLetters = deadLetters;
        this.relay = relay;
    }

    @PostMapping("/api/operations/dead-letters/{topic}/redrive")
    @RolesAllowed(Roles.OPERATOR)
    public DeadLetters.Redrive redrive(@PathVariable String topic) {
        return deadLetters.redrive(topic);
    }

    @PostMapping("/api/operations/outbox/parked/resend")
    @RolesAllowed(Roles.OPERATOR)
    public OutboxRelay.Resend resendParked() {
        return relay.resendParked();
    }
}
