package com.starcert.support.messaging;

import java.util.List;

/**
 * A MongoDB aggregate that carries its own outbox in field {@code outbox}. The relay finds every collection
 * whose document type implements this interface.
 */
public interface OutboxAggregate {
    List<OutboxMessage> outbox();
}
